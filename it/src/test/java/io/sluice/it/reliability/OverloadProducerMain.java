package io.sluice.it.reliability;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.errors.BufferExhaustedException;
import io.sluice.core.Producers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The producer side of the overload test, run in its own JVM with a small heap ({@code -Xmx256m}):
 * eight threads send as fast as they can (buffer.memory=8 MiB, max.block.ms=300) to a slowed broker for a while, then it prints one line:
 * {@code RESULT sent=.. acked=.. exhausted=.. otherFailures=.. peakHeapMb=.. acked-ids=<hex bitset>}.
 *
 * <p>Arguments: bootstrap servers, topic, seconds to send.
 */
public final class OverloadProducerMain {

    private OverloadProducerMain() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        long sendMs = Long.parseLong(args[2]) * 1000;
        int threads = 8;
        BitSet acked = new BitSet();
        AtomicLong exhausted = new AtomicLong();
        AtomicLong otherFailures = new AtomicLong();
        AtomicLong next = new AtomicLong();
        byte[] payload = "y".repeat(900).getBytes(StandardCharsets.US_ASCII);
        try (Producer<String, byte[]> producer = Producers.create(Map.of("bootstrap.servers", bootstrap,
                "key.serializer", "string", "value.serializer", "bytearray", "max.block.ms", 300,
                "linger.ms", 5, "delivery.timeout.ms", 120_000, "buffer.memory", 8L << 20))) {
            long deadline = System.nanoTime() + sendMs * 1_000_000L;
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        int id = (int) next.getAndIncrement();
                        producer.send(new ProducerRecord<>(topic, Integer.toString(id), payload), (md, e) -> {
                            if (e == null) {
                                synchronized (acked) {
                                    acked.set(id);
                                }
                            } else if (e instanceof BufferExhaustedException) {
                                exhausted.incrementAndGet();
                            } else {
                                otherFailures.incrementAndGet();
                                System.err.println("send failed: " + e);
                            }
                        });
                    }
                });
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) {
                w.join();
            }
            producer.flush();
            producer.close(Duration.ofSeconds(60));
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        synchronized (acked) {
            System.out.println("RESULT sent=" + next.get() + " acked=" + acked.cardinality() + " exhausted=" + exhausted.get()
                    + " otherFailures=" + otherFailures.get() + " peakHeapMb=" + (peak >> 20) + " acked-ids="
                    + java.util.HexFormat.of().formatHex(acked.toByteArray()));
        }
    }
}
