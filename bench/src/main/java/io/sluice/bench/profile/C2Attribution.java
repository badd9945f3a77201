package io.sluice.bench.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Charges each CPU sample of a C2 compiler thread to the compile task that thread was running at that moment. A C2
 * thread compiles one method at a time, so a sample lies in exactly one of its logged tasks, once the two clocks
 * agree: perf's samples are placed in seconds since perf's first sample, the log's stamps in seconds since the JVM
 * started; the offset between them (start-up of the launcher, tens of milliseconds) is found by trying every
 * offset in {@code ±range} by {@code step} and keeping the one that puts the most samples inside tasks (the middle
 * of the first run of best offsets, since a whole window of offsets usually scores the same). Stateless.
 */
final class C2Attribution {

    static final double RANGE_SECONDS = 0.6;
    /**
     * Half a millisecond: the log's stamps have millisecond resolution, and on a real run the share of samples inside
     * tasks peaks within a millisecond or two (5 ms steps missed the peak: 93% instead of 98% of C2 samples charged).
     */
    static final double STEP_SECONDS = 0.0005;

    /** A C2 thread's sample: its thread id and its time in seconds after perf's first sample. */
    record Sample(int tid, double seconds) {
    }

    /**
     * @param offset       seconds added to a sample's time to give the log's stamp
     * @param byTask       samples per task, most first (tasks without samples left out)
     * @param unattributed samples that fell outside every task (compiler thread idle in the kernel, start-up, exit)
     */
    record Result(double offset, Map<C2Task, Long> byTask, long unattributed, long samples) {
    }

    private C2Attribution() {
    }

    static Result attribute(List<Sample> samples, List<C2Task> tasks) {
        return attribute(samples, tasks, RANGE_SECONDS, STEP_SECONDS);
    }

    static Result attribute(List<Sample> samples, List<C2Task> tasks, double range, double step) {
        Map<Integer, Timeline> timelines = timelines(tasks);
        int steps = (int) Math.round(range / step);
        long[] hits = new long[2 * steps + 1];
        for (int k = -steps; k <= steps; k++) {
            double offset = k * step;
            for (Sample s : samples) {
                if (taskAt(timelines, s, offset) != null) {
                    hits[k + steps]++;
                }
            }
        }
        double offset = (middleOfFirstBestRun(hits) - steps) * step;
        Map<C2Task, Long> byTask = new HashMap<>();
        long unattributed = 0;
        for (Sample s : samples) {
            C2Task task = taskAt(timelines, s, offset);
            if (task == null) {
                unattributed++;
            } else {
                byTask.merge(task, 1L, Long::sum);
            }
        }
        return new Result(offset, sortedByCount(byTask), unattributed, samples.size());
    }

    private static int middleOfFirstBestRun(long[] hits) {
        int first = 0;
        for (int i = 1; i < hits.length; i++) {
            if (hits[i] > hits[first]) {
                first = i;
            }
        }
        int last = first;
        while (last + 1 < hits.length && hits[last + 1] == hits[first]) {
            last++;
        }
        return (first + last) / 2;
    }

    /**
     * The sample's task on its own thread's timeline; a thread the log does not know (perf and the JVM disagreeing
     * on thread ids) uses the only C2 thread's timeline when the log has just one.
     */
    private static C2Task taskAt(Map<Integer, Timeline> timelines, Sample s, double offset) {
        Timeline timeline = timelines.get(s.tid());
        if (timeline == null && timelines.size() == 1) {
            timeline = timelines.values().iterator().next();
        }
        return timeline == null ? null : timeline.at(s.seconds() + offset);
    }

    private static Map<Integer, Timeline> timelines(List<C2Task> tasks) {
        Map<Integer, List<C2Task>> byThread = new HashMap<>();
        for (C2Task t : tasks) {
            byThread.computeIfAbsent(t.tid(), k -> new ArrayList<>()).add(t);
        }
        Map<Integer, Timeline> result = new HashMap<>();
        byThread.forEach((tid, list) -> result.put(tid, new Timeline(list)));
        return result;
    }

    private static Map<C2Task, Long> sortedByCount(Map<C2Task, Long> counts) {
        Map<C2Task, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<C2Task, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().start()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }

    /** One thread's tasks by start stamp; they do not overlap (a compiler thread runs one task at a time). */
    private static final class Timeline {
        private final C2Task[] tasks;
        private final double[] starts;

        Timeline(List<C2Task> list) {
            tasks = list.stream().sorted(Comparator.comparingDouble(C2Task::start)).toArray(C2Task[]::new);
            starts = Arrays.stream(tasks).mapToDouble(C2Task::start).toArray();
        }

        C2Task at(double stamp) {
            int i = Arrays.binarySearch(starts, stamp);
            int index = i >= 0 ? i : -i - 2;
            // equal starts: binarySearch may land on any of them; step to the last one
            while (index >= 0 && index + 1 < starts.length && starts[index + 1] == stamp) {
                index++;
            }
            return index >= 0 && tasks[index].contains(stamp) ? tasks[index] : null;
        }
    }
}
