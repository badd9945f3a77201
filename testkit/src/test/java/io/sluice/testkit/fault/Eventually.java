package io.sluice.testkit.fault;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for another thread's effect (a proxy's counter, a closed connection) without a timing assertion: polls
 * until the condition holds, and fails only after a generous 30 s, naming what was awaited.
 */
final class Eventually {

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) {
        await(what, condition, () -> "");
    }

    static void await(String what, BooleanSupplier condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after 30 s waiting for " + what + "; last seen: " + lastSeen.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
