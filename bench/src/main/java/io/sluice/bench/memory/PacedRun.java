package io.sluice.bench.memory;

import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One timed run of the many-partitions memory benchmark: keyed 100-byte records at a fixed rate for a fixed time,
 * while a sampler reads, every {@link #SAMPLE_MS} ms after a warm-up, the bytes buffered (key and value bytes of
 * records sent but not yet completed) and the bytes the producer's pool holds in batches. The sending thread owns
 * the loop; the sampler thread owns the running sums; {@link #outstanding} is shared (atomic). The process's CPU
 * time over the sending (this JVM runs only the producer under test, its sampler and the sending loop) is kept too.
 */
final class PacedRun {

    static final long SAMPLE_MS = 50;

    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long samples;
    private double sumBuffered;
    private double sumHeld;
    private long maxBuffered;
    private long maxHeld;

    /** What a run measured: means and maxima over the samples, records/s achieved, pool wait ratio at the end. */
    record Result(long samples, double meanBufferedBytes, long maxBufferedBytes, double meanHeldBytes, long maxHeldBytes,
                  double recordsPerSecond, double bufferWaitRatio, long failed, double cpuSeconds,
                  String diagnostics) {
    }

    static Result run(MemoryDriver driver, String topic, byte[][] keys, int valueSize, int rate, long seconds,
                      long warmupSeconds) throws InterruptedException {
        PacedRun run = new PacedRun();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "memory-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> run.sample(driver), warmupSeconds * 1000, SAMPLE_MS, TimeUnit.MILLISECONDS);
        SplittableRandom random = new SplittableRandom(42);
        byte[] value = new byte[valueSize];
        for (int i = 0; i < valueSize; i++) {
            value[i] = (byte) ('A' + random.nextInt(26));
        }
        long total = rate * (warmupSeconds + seconds);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        long nanosPerRecord = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            long due = start + i * nanosPerRecord;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            byte[] key = keys[random.nextInt(keys.length)];
            long bytes = key.length + value.length;
            run.outstanding.addAndGet(bytes);
            driver.send(topic, key, value, error -> {
                run.outstanding.addAndGet(-bytes);
                if (error != null) {
                    run.failed.incrementAndGet();
                }
            });
        }
        double elapsedS = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        sampler.shutdown();
        sampler.awaitTermination(10, TimeUnit.SECONDS);
        double waitRatio = driver.bufferWaitRatio();
        String diagnostics = driver.diagnostics();
        driver.flush();
        synchronized (run) {
            return new Result(run.samples, run.sumBuffered / Math.max(1, run.samples), run.maxBuffered,
                    run.sumHeld / Math.max(1, run.samples), run.maxHeld, total / elapsedS, waitRatio,
                    run.failed.get(), cpuSeconds, diagnostics);
        }
    }

    private synchronized void sample(MemoryDriver driver) {
        long buffered = outstanding.get();
        long held = driver.heldBytes();
        samples++;
        sumBuffered += buffered;
        sumHeld += held;
        maxBuffered = Math.max(maxBuffered, buffered);
        maxHeld = Math.max(maxHeld, held);
    }
}
