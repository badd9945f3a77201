package io.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The entry point of a {@link ForkedKafka} child JVM: runs a Kafka main class, and ends the JVM when the parent
 * goes away.
 *
 * <p>Usage: {@code java -cp <kafka jars + testkit> io.sluice.testkit.ForkedMain <main class> <args...>}. A daemon
 * thread reads standard input, which the parent holds open and never writes; end of input means the parent closed
 * it or died (even by SIGKILL), and the child calls {@code System.exit(0)} so Kafka's shutdown hook stops the
 * broker. No orphaned broker outlives a killed test JVM.
 *
 * <p>Uses the JDK only: it runs beside any Kafka release's jars.
 */
public final class ForkedMain {

    private ForkedMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("Usage: ForkedMain <main class> [args...]");
            System.exit(2);
        }
        Thread watchdog = new Thread(ForkedMain::exitAtEndOfInput, "sluice-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitAtEndOfInput() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone, as end of input does
        }
        System.err.println("ForkedMain: the parent process closed standard input; stopping");
        System.exit(0);
    }
}
