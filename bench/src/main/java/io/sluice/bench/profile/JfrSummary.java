package io.sluice.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a perf run spends its CPU and what it allocates, from a JFR recording (JDK 17's {@code jfr} tool has no
 * {@code view hot-methods}): execution samples by top frame (self time), by the first Sluice frame on the stack
 * (which of Sluice's methods the time is spent under, JDK and library code included), and allocation samples
 * ({@code jdk.ObjectAllocationSample}, weighted by their estimated bytes) by allocated class and site.
 *
 * <pre>
 * java -cp bench/target/classes io.sluice.bench.profile.JfrSummary recording.jfr [--skip-seconds 3] [--top 15]
 *      [--records N]   (divides allocated bytes by N for bytes per record)
 * </pre>
 * Execution samples of the first {@code --skip-seconds} (start-up, JIT) are left out; allocation samples are all
 * kept, so that their total divided by {@code --records} is bytes per record over the whole run (start-up included:
 * a few bytes per record over millions of records). Owned by the main thread.
 */
public final class JfrSummary {

    private final Map<String, Long> selfSamples = new HashMap<>();
    private final Map<String, Long> underSluiceMethod = new HashMap<>();
    private final Map<String, Long> threadSamples = new HashMap<>();
    private final Map<String, Long> allocationBySite = new HashMap<>();
    private final Map<String, Long> allocationByClass = new HashMap<>();
    private long executionSamples;
    private long allocatedBytes;

    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        double skipSeconds = 3;
        int top = 15;
        long records = 0;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--skip-seconds": skipSeconds = Double.parseDouble(args[i + 1]); break;
                case "--top": top = Integer.parseInt(args[i + 1]); break;
                case "--records": records = Long.parseLong(args[i + 1]); break;
                default: throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        JfrSummary summary = new JfrSummary();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Instant start = events.stream().map(RecordedEvent::getStartTime).min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant from = start.plusMillis((long) (skipSeconds * 1000));
        for (RecordedEvent e : events) {
            boolean allocation = e.getEventType().getName().equals("jdk.ObjectAllocationSample");
            if (allocation || !e.getStartTime().isBefore(from)) {
                summary.add(e);
            }
        }
        summary.print(top, records);
    }

    private void add(RecordedEvent e) {
        String type = e.getEventType().getName();
        RecordedStackTrace stack = e.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = stack.getFrames();
        if (type.equals("jdk.ExecutionSample")) {
            executionSamples++;
            selfSamples.merge(method(frames.get(0)), 1L, Long::sum);
            underSluiceMethod.merge(firstSluiceFrame(frames), 1L, Long::sum);
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threadSamples.merge(thread == null ? "?" : thread.replaceAll("\\d+$", "N"), 1L, Long::sum);
        } else if (type.equals("jdk.ObjectAllocationSample")) {
            long weight = e.getLong("weight");
            RecordedClass cls = e.getClass("objectClass");
            String what = cls == null ? "?" : cls.getName();
            allocatedBytes += weight;
            allocationByClass.merge(what, weight, Long::sum);
            allocationBySite.merge(what + "  <-  " + method(frames.get(0)) + "  <-  " + firstSluiceFrame(frames),
                    weight, Long::sum);
        }
    }

    /** The first frame of Sluice's own code (io.sluice.*, not the perf tool's loop), or the top frame. */
    private static String firstSluiceFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("io.sluice.") && !type.startsWith("io.sluice.examples.")) {
                return method(f) + ":" + f.getLineNumber();
            }
        }
        return method(frames.get(0));
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private void print(int top, long records) {
        System.out.printf(Locale.ROOT, "%d execution samples (JFR samples running Java threads at the interval of the settings file)%n", executionSamples);
        table("Samples by thread", threadSamples, executionSamples, top, 0);
        table("Hot methods (self: top frame)", selfSamples, executionSamples, top, 0);
        table("Time under Sluice's methods (first io.sluice frame, callees included)", underSluiceMethod,
                executionSamples, top, 0);
        System.out.printf(Locale.ROOT, "%nAllocation (jdk.ObjectAllocationSample, weighted): %,d bytes%s%n", allocatedBytes,
                records > 0 ? String.format(Locale.ROOT, " = %.1f bytes/record over %,d records", allocatedBytes / (double) records,
                        records) : "");
        table("Allocated bytes by class", allocationByClass, allocatedBytes, top, records);
        table("Allocated bytes by site (class <- allocating method <- first Sluice frame)", allocationBySite,
                allocatedBytes, top, records);
    }

    private static void table(String title, Map<String, Long> counts, long total, int top, long records) {
        System.out.printf(Locale.ROOT, "%n%s%n", title);
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> e : sorted.subList(0, Math.min(top, sorted.size()))) {
            String perRecord = records > 0 ? String.format(Locale.ROOT, "%8.1f B/rec  ", e.getValue() / (double) records) : "";
            System.out.printf(Locale.ROOT, "  %,14d  %5.1f%%  %s%s%n", e.getValue(), 100.0 * e.getValue() / Math.max(1, total),
                    perRecord, e.getKey());
        }
    }
}
