package io.sluice.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Polls a real broker until a condition holds. Waiting for another process's state has no event to wait on, so
 * this polls every 100 ms; the timeout message says what was awaited and what was last seen.
 */
final class Await {

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /**
     * A probe's verdict: the value once the condition holds, or empty with a description of what it saw.
     *
     * @param <T> the value the caller waits for
     */
    static final class Seen<T> {
        private final T value;
        private final String seen;

        private Seen(T value, String seen) {
            this.value = value;
            this.seen = seen;
        }

        static <T> Seen<T> done(T value) {
            return new Seen<>(value, null);
        }

        static <T> Seen<T> notYet(String seen) {
            return new Seen<>(null, seen);
        }
    }

    /** Thrown by a probe that sees the wait can never succeed (the process died); ends the wait at once. */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp(String message) {
            super(message);
        }
    }

    /**
     * Calls {@code probe} until it returns a value or {@code timeout} passes. An exception from the probe counts as
     * "not yet" (brokers refuse requests while they start) and is reported if the wait times out, except
     * {@link GiveUp}, which ends the wait.
     *
     * @throws IllegalStateException on timeout, naming {@code what} and the last observation, or with the message
     *     of a {@link GiveUp}
     */
    static <T> T until(Duration timeout, String what, Callable<Seen<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastSeen = "nothing yet";
        Exception lastError = null;
        while (true) {
            try {
                Seen<T> seen = probe.call();
                if (seen.value != null) {
                    return seen.value;
                }
                lastSeen = seen.seen;
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            } catch (GiveUp e) {
                throw new IllegalStateException(e.getMessage(), e);
            } catch (Exception e) {
                lastSeen = e.toString();
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException(FatalFaultGuard.withFault("Timed out after " + timeout
                        + " waiting for " + what + "; last seen: " + lastSeen), lastError);
            }
            sleep(what);
        }
    }

    /** Like {@link #until} for a condition without a value. */
    static void untilTrue(Duration timeout, String what, Callable<Optional<String>> notYetReason) {
        until(timeout, what, () -> notYetReason.call().<Seen<Boolean>>map(Seen::notYet).orElse(Seen.done(true)));
    }

    private static void sleep(String what) {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
    }
}
