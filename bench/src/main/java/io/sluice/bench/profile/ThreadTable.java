package io.sluice.bench.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A perf run's samples by thread group: every thread is grouped with those whose names differ only in trailing
 * digits, except the perf tool's main thread, the {@code java}-named thread with the most samples (the JVM names
 * the launcher's threads "java"; the main one sends the records), which stands alone. Immutable once built.
 */
final class ThreadTable {

    static final String MAIN = "java (main)";
    private static final String LAUNCHER_NAME = "java";

    private final List<ThreadCpu> groups;
    private final long totalSamples;
    private final int mainTid;

    private ThreadTable(List<ThreadCpu> groups, long totalSamples, int mainTid) {
        this.groups = groups;
        this.totalSamples = totalSamples;
        this.mainTid = mainTid;
    }

    static ThreadTable of(List<PerfSample> samples) {
        int mainTid = mainTid(samples);
        Map<String, ThreadCpu> byName = new LinkedHashMap<>();
        for (PerfSample s : samples) {
            boolean main = s.tid() == mainTid;
            String name = main ? MAIN : groupName(s.comm());
            byName.computeIfAbsent(name, n -> new ThreadCpu(n, ThreadRole.of(n, main))).add(s);
        }
        List<ThreadCpu> groups = new ArrayList<>(byName.values());
        groups.sort(Comparator.comparingLong((ThreadCpu g) -> g.samples()).reversed().thenComparing(ThreadCpu::name));
        return new ThreadTable(List.copyOf(groups), samples.size(), mainTid);
    }

    /** A thread's name less its trailing digits: "GC Thread#12" -> "GC Thread#". */
    static String groupName(String comm) {
        String name = comm.replaceFirst("\\d+$", "");
        return name.isEmpty() ? comm : name;
    }

    /** The busiest thread named "java", or -1 if there is none. */
    private static int mainTid(List<PerfSample> samples) {
        Map<Integer, Long> javaThreads = new HashMap<>();
        for (PerfSample s : samples) {
            if (s.comm().equals(LAUNCHER_NAME)) {
                javaThreads.merge(s.tid(), 1L, Long::sum);
            }
        }
        return javaThreads.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(-1);
    }

    /** The groups, most samples first. */
    List<ThreadCpu> groups() {
        return groups;
    }

    long totalSamples() {
        return totalSamples;
    }

    int mainTid() {
        return mainTid;
    }

    /** Samples of all groups with this role. */
    long samples(ThreadRole role) {
        return groups.stream().filter(g -> g.role() == role).mapToLong(g -> g.samples()).sum();
    }

    /** Samples of all groups in this kind of code. */
    long samples(CodeKind kind) {
        return groups.stream().mapToLong(g -> g.samples(kind)).sum();
    }
}
