package io.sluice.bench.alloc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;

/**
 * Bytes a producer allocates per record beyond the user's objects: the same {@code ProducerRecord} (key, value,
 * headers made once) is sent again and again with one shared callback, so every byte allocated while sending
 * (all threads of this JVM: the sending thread, the producer's network thread, callbacks) is the producer's own.
 * Measured over {@code --records} sends after {@code --warmup} unmeasured ones, for Sluice's producer and for
 * kafka-clients 4.4.0, each in its own JVM ({@code --producer sluice|sluice-listener|official}; {@code sluice-listener}
 * sends with a {@code DeliveryListener} instead of a callback, so no future is returned). At most {@code --in-flight}
 * records are outstanding (a semaphore the callback releases), so the buffer never fills and no thread blocks for
 * memory. Also prints the CPU time per record of the sending thread (the thread that calls {@code send}: serializing,
 * partitioning, appending, compressing a batch that filled up) and of the whole process, over the same records. A benchmark, not a test. Owned by the main thread; the callback runs on the network thread.
 *
 * <pre>
 * java -cp ... io.sluice.bench.alloc.AllocationPerRecord --bootstrap-server HOST:PORT --topic T
 *      --producer sluice|sluice-listener|official [--records 2000000] [--warmup 1000000] [--compression lz4]
 * </pre>
 */
public final class AllocationPerRecord {

    private AllocationPerRecord() {
    }

    /** Sends records; implemented once per producer. */
    interface Sender extends AutoCloseable {
        void send();

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--records", "2000000", "--warmup", "1000000", "--compression", "lz4",
                "--in-flight", "20000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", o.get("--bootstrap-server"));
        config.put("acks", "1");
        config.put("enable.idempotence", "false");
        config.put("linger.ms", "5");
        config.put("batch.size", "65536");
        config.put("compression.type", o.get("--compression"));
        int maxInFlight = Integer.parseInt(o.get("--in-flight"));
        Semaphore inFlight = new Semaphore(maxInFlight);
        byte[] value = new byte[100];
        java.util.SplittableRandom random = new java.util.SplittableRandom(0);
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) ('A' + random.nextInt(26));
        }
        String producer = o.get("--producer");
        try (Sender sender = switch (producer) {
            case "sluice" -> new SluiceSender(config, o.get("--topic"), value, inFlight, false);
            case "sluice-listener" -> new SluiceSender(config, o.get("--topic"), value, inFlight, true);
            case "official" -> new OfficialSender(config, o.get("--topic"), value, inFlight);
            default -> throw new IllegalArgumentException("--producer " + producer + " is not known; use sluice, "
                    + "sluice-listener or official");
        }) {
            sendAll(sender, inFlight, maxInFlight, Long.parseLong(o.get("--warmup")));
            long records = Long.parseLong(o.get("--records"));
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long before = allocatedBytes();
            long threadCpuBefore = threads.getCurrentThreadCpuTime();
            long processCpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            sendAll(sender, inFlight, maxInFlight, records);
            long after = allocatedBytes();
            long threadCpu = threads.getCurrentThreadCpuTime() - threadCpuBefore;
            long processCpu = os.getProcessCpuTime() - processCpuBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %.1f bytes allocated per record (all threads) over %,d records after %s warm-up; "
                    + "%,.0f records/s; CPU per record: sending thread %.0f ns, process %.0f ns%n", producer,
                    (after - before) / (double) records, records, o.get("--warmup"), records / seconds,
                    threadCpu / (double) records, processCpu / (double) records);
        }
    }

    /** Sends {@code n} records, then waits until every one has completed (all permits are back). */
    private static void sendAll(Sender sender, Semaphore inFlight, int maxInFlight, long n) throws InterruptedException {
        for (long i = 0; i < n; i++) {
            inFlight.acquire();
            sender.send();
        }
        inFlight.acquire(maxInFlight);
        inFlight.release(maxInFlight);
    }

    /** Bytes allocated so far by every live thread of this JVM. */
    static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }
}
