package io.sluice.bench.probe;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.instrument.Instrumentation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java agent that measures a perf tool from inside its JVM, the same way for Sluice's tool and Kafka's:
 * process CPU time ({@code OperatingSystemMXBean.getProcessCpuTime}), bytes allocated by all threads
 * ({@code ThreadMXBean.getThreadAllocatedBytes}, keeping the last value of threads that ended) and GC
 * counts, taken exactly when the tool prints a line with {@code " records sent, "} (progress and summary
 * lines of both tools) and once more at JVM shutdown. It taps {@code System.out} to see those lines.
 *
 * <pre>
 * java -javaagent:probe.jar=/path/to/samples.txt [--add-modules jdk.management on the module path] ...
 * </pre>
 *
 * The file gets one line per sample: {@code cpuNanos allocatedBytes gcCount wallNanos<TAB>printed line}
 * ({@code <shutdown>} for the last). Lines are kept in memory and written by a shutdown hook.
 *
 * <p>Threads: samples are taken on whichever thread prints (the tools' sender/callback threads) and by a
 * daemon thread every 100 ms that refreshes the per-thread allocation table; both under this class's lock.
 */
public final class ProcessProbe {

    private static final long REFRESH_MILLIS = 100;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    /** Guarded by this: thread id → bytes it had allocated when last seen. */
    private final Map<Long, Long> allocatedByThread = new HashMap<>();
    /** Guarded by this. */
    private final List<String> samples = new ArrayList<>();

    private ProcessProbe() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        if (args == null || args.isBlank()) {
            throw new IllegalArgumentException("ProcessProbe needs the samples file: -javaagent:probe.jar=/path/samples.txt");
        }
        ProcessProbe probe = new ProcessProbe();
        probe.threads.setThreadAllocatedMemoryEnabled(true);
        System.setOut(new PrintStream(new LineTap(System.out, probe), true, StandardCharsets.UTF_8));
        Thread refresher = new Thread(probe::refreshLoop, "sluice-bench-probe");
        refresher.setDaemon(true);
        refresher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> probe.writeTo(args), "sluice-bench-probe-shutdown"));
    }

    private void refreshLoop() {
        while (true) {
            synchronized (this) {
                allocatedBytes();
            }
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sum over every thread seen so far of the bytes it allocated (the last value for threads that ended). */
    private long allocatedBytes() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                allocatedByThread.merge(ids[i], bytes[i], Math::max);
            }
        }
        long sum = 0;
        for (long b : allocatedByThread.values()) {
            sum += b;
        }
        return sum;
    }

    private long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    synchronized void sample(String line) {
        samples.add(os.getProcessCpuTime() + " " + allocatedBytes() + " " + gcCount() + " " + System.nanoTime() + "\t" + line);
    }

    private void writeTo(String file) {
        sample("<shutdown>");
        synchronized (this) {
            try (PrintWriter out = new PrintWriter(new FileOutputStream(file), false, StandardCharsets.UTF_8)) {
                samples.forEach(out::println);
            } catch (IOException e) {
                System.err.println("ProcessProbe cannot write " + file + ": " + e);
            }
        }
    }

    /** Passes bytes through unchanged and samples after each complete line that reports records sent. */
    private static final class LineTap extends FilterOutputStream {
        private final ProcessProbe probe;
        private final StringBuilder line = new StringBuilder();

        LineTap(OutputStream target, ProcessProbe probe) {
            super(target);
            this.probe = probe;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
            see(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                see(b[i]);
            }
        }

        private void see(int b) {
            if (b == '\n') {
                String text = line.toString();
                line.setLength(0);
                if (text.contains(" records sent, ")) {
                    probe.sample(text.strip());
                }
            } else if (line.length() < 4096) {
                line.append((char) (b & 0xff));
            }
        }
    }
}
