package io.sluice.testkit;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an in-process broker's fatal fault from ending the test JVM.
 *
 * <p>On a fatal fault Kafka calls {@code Exit.halt}/{@code Exit.exit}, which in a test JVM would end every test
 * with Surefire's "forked VM terminated" and no clue. Once installed, the guard records the first such request
 * and throws in the Kafka thread that made it instead; {@link KafkaCluster} adds the recorded fault to the
 * message of its next timeout. Kafka's exit procedures are JVM-wide, so the guard is too: installed once, never
 * removed (uses Kafka's internal {@code Exit} API, as Kafka's own test kit does).
 */
final class FatalFaultGuard {

    private static final Logger LOG = LoggerFactory.getLogger(FatalFaultGuard.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicReference<String> FIRST_FAULT = new AtomicReference<>();

    private FatalFaultGuard() {
    }

    /** Installs the guard in this JVM; later calls do nothing. */
    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
            Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
        }
    }

    /** The first fatal fault Kafka reported in this JVM, if any. */
    static Optional<String> firstFault() {
        return Optional.ofNullable(FIRST_FAULT.get());
    }

    /** {@code message} with the first recorded fatal fault appended, for errors that may be its consequence. */
    static String withFault(String message) {
        return firstFault().map(fault -> message + ". Note: " + fault).orElse(message);
    }

    private static void refuse(String kind, int status, String message) {
        String fault = "an in-process Kafka node asked the JVM to " + kind + " with status " + status
                + (message == null ? "" : " (" + message + ")") + " after a fatal fault; see its ERROR log";
        FIRST_FAULT.compareAndSet(null, fault);
        LOG.error("{}; the testkit keeps the JVM running", fault);
        throw new IllegalStateException(fault);
    }
}
