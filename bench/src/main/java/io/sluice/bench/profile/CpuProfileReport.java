package io.sluice.bench.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The text report of a perf CPU profile: (a) CPU seconds per thread group and role, and per record; (b) each busy
 * thread's CPU by kind of code; (c) each busy thread's top symbols; (d) C2's CPU per compile task and per package of
 * the compiled method; (e) the work both perf tools share against the producer's own part ({@link CpuSplit}). A
 * sample stands for {@code 1/hz} seconds of CPU. Immutable; {@link #render()} builds the text.
 */
final class CpuProfileReport {

    /** Threads below these shares of all samples are left out of sections (b) and (c). */
    static final double KIND_TABLE_MIN_SHARE = 0.005;
    static final double SYMBOL_LIST_MIN_SHARE = 0.02;
    static final int SYMBOL_LIST_MAX_THREADS = 8;
    static final int TOP_TASKS = 25;
    static final int TOP_PACKAGES = 20;

    private final ThreadTable threads;
    private final C2Attribution.Result c2;
    private final int c2TasksLogged;
    private final double hz;
    private final long records;
    private final int topSymbols;

    /**
     * @param c2            C2's samples by compile task, or null when the run had no compilation log
     * @param c2TasksLogged how many C2 tasks the compilation log holds
     * @param records       records the run sent (0: no per-record figures)
     */
    CpuProfileReport(ThreadTable threads, C2Attribution.Result c2, int c2TasksLogged, double hz, long records,
            int topSymbols) {
        this.threads = threads;
        this.c2 = c2;
        this.c2TasksLogged = c2TasksLogged;
        this.hz = hz;
        this.records = records;
        this.topSymbols = topSymbols;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        long total = threads.totalSamples();
        line(out, "CPU profile (perf record -e cpu-clock, all threads, %.0f Hz): %,d samples = %.2f s CPU%s", hz, total,
                seconds(total), records > 0 ? String.format(Locale.ROOT, " over %,d records = %.3f µs/record", records,
                        microsPerRecord(total)) : "");
        threadSection(out);
        kindSection(out);
        symbolSection(out);
        c2Section(out);
        splitSection(out);
        return out.toString();
    }

    double seconds(long samples) {
        return samples / hz;
    }

    double microsPerRecord(long samples) {
        return records > 0 ? seconds(samples) * 1e6 / records : Double.NaN;
    }

    private void threadSection(StringBuilder out) {
        long total = threads.totalSamples();
        line(out, "%n(a) CPU by thread (names differing only in trailing digits grouped; comm is cut at 15 characters)");
        line(out, "  %-18s %-22s %7s %8s %7s %10s", "thread", "role", "threads", "CPU s", "share", "µs/record");
        for (ThreadCpu g : threads.groups()) {
            line(out, "  %-18s %-22s %7d %8.2f %6.1f%% %10.3f", g.name(), g.role().label(), g.threads(),
                    seconds(g.samples()), 100.0 * g.samples() / total, microsPerRecord(g.samples()));
        }
        line(out, "  %-18s %-22s %7s %8.2f %6.1f%% %10.3f", "total", "", "", seconds(total), 100.0,
                microsPerRecord(total));
        StringBuilder roles = new StringBuilder("  by role:");
        for (ThreadRole role : ThreadRole.values()) {
            roles.append(String.format(Locale.ROOT, "  %s %.2f s", role.label(), seconds(threads.samples(role))));
        }
        line(out, "%s", roles);
    }

    private void kindSection(StringBuilder out) {
        line(out, "%n(b) CPU seconds by kind of code (threads with at least %.1f%% of samples; JIT Java: compiled "
                + "methods and stubs in the JVM's perf map; compress: lz4/zstd/snappy/zlib native libraries; vDSO: "
                + "clock reads)", 100 * KIND_TABLE_MIN_SHARE);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s %8s", "thread", "total"));
        for (CodeKind kind : CodeKind.values()) {
            head.append(String.format(Locale.ROOT, " %10s", kind.label()));
        }
        line(out, "%s", head);
        for (ThreadCpu g : threads.groups()) {
            if (g.samples() >= KIND_TABLE_MIN_SHARE * threads.totalSamples()) {
                kindRow(out, g.name(), g.samples(), g::samples);
            }
        }
        kindRow(out, "all threads", threads.totalSamples(), threads::samples);
    }

    private void kindRow(StringBuilder out, String name, long samples, ToLongFunction<CodeKind> ofKind) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s %8.2f", name, seconds(samples)));
        for (CodeKind kind : CodeKind.values()) {
            row.append(String.format(Locale.ROOT, " %10.2f", seconds(ofKind.applyAsLong(kind))));
        }
        line(out, "%s", row);
    }

    private void symbolSection(StringBuilder out) {
        line(out, "%n(c) Top %d symbols per thread (threads with at least %.0f%% of samples; self time)", topSymbols,
                100 * SYMBOL_LIST_MIN_SHARE);
        int shown = 0;
        for (ThreadCpu g : threads.groups()) {
            if (shown == SYMBOL_LIST_MAX_THREADS || g.samples() < SYMBOL_LIST_MIN_SHARE * threads.totalSamples()) {
                break;
            }
            shown++;
            line(out, "  == %s (%s, %d thread%s, %.2f s)", g.name(), g.role().label(), g.threads(),
                    g.threads() == 1 ? "" : "s", seconds(g.samples()));
            for (ThreadCpu.SymbolCount s : g.topSymbols(topSymbols)) {
                line(out, "     %7.3f  %-10s %s", seconds(s.samples()), s.kind().label(), cut(s.symbol(), 160));
            }
        }
    }

    private void c2Section(StringBuilder out) {
        if (c2 == null) {
            line(out, "%n(d) C2 compile CPU per task: no compilation log for this run (-XX:+LogCompilation), not split");
            return;
        }
        long attributed = c2.samples() - c2.unattributed();
        line(out, "%n(d) C2 compile CPU per task (C2 threads' samples matched to -XX:+LogCompilation's task stamps)");
        line(out, "  C2 threads: %.2f s in %,d samples; %,d C2 tasks logged, %,d with samples; clock offset %+.4f s "
                + "(log stamp = seconds after perf's first sample + offset)", seconds(c2.samples()), c2.samples(),
                c2TasksLogged, c2.byTask().size(), c2.offset());
        line(out, "  attributed %.2f s (%.1f%%), unattributed %.2f s (%.1f%%: outside every task)", seconds(attributed),
                percent(attributed, c2.samples()), seconds(c2.unattributed()), percent(c2.unattributed(), c2.samples()));
        line(out, "  Top %d tasks by C2 CPU", TOP_TASKS);
        line(out, "  %8s %6s %8s %8s %9s %5s  %s", "CPU s", "id", "start s", "length s", "inlined B", "OSR", "method");
        int n = 0;
        for (Map.Entry<C2Task, Long> e : c2.byTask().entrySet()) {
            if (n++ == TOP_TASKS) {
                break;
            }
            C2Task t = e.getKey();
            line(out, "  %8.3f %6d %8.3f %8.3f %9d %5s  %s%s", seconds(e.getValue()), t.compileId(), t.start(),
                    t.end() - t.start(), t.inlinedBytes(), t.osr() ? "@" + t.osrBci() : "", cut(t.methodDisplay(), 150),
                    t.success() ? "" : "  (failed)");
        }
        packageTable(out);
    }

    private void packageTable(StringBuilder out) {
        Map<String, long[]> byPackage = new HashMap<>();
        c2.byTask().forEach((task, samples) -> {
            long[] sums = byPackage.computeIfAbsent(task.packageName(), p -> new long[2]);
            sums[0] += samples;
            sums[1]++;
        });
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(byPackage.entrySet());
        sorted.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        line(out, "  C2 CPU by package of the compiled method (%d packages%s)", sorted.size(),
                sorted.size() > TOP_PACKAGES ? ", top " + TOP_PACKAGES : "");
        line(out, "  %8s %6s %6s  %s", "CPU s", "share", "tasks", "package");
        long rest = 0;
        for (int i = 0; i < sorted.size(); i++) {
            long[] sums = sorted.get(i).getValue();
            if (i < TOP_PACKAGES) {
                line(out, "  %8.3f %5.1f%% %6d  %s", seconds(sums[0]), percent(sums[0], c2.samples()), sums[1],
                        sorted.get(i).getKey());
            } else {
                rest += sums[0];
            }
        }
        if (sorted.size() > TOP_PACKAGES) {
            line(out, "  %8.3f %5.1f%% %6s  (%d more packages)", seconds(rest), percent(rest, c2.samples()), "",
                    sorted.size() - TOP_PACKAGES);
        }
    }

    private void splitSection(StringBuilder out) {
        CpuSplit split = CpuSplit.of(threads, c2);
        line(out, "%n(e) Shared work and the producer's own part (application threads: the tool's main thread and the "
                + "producer's network thread)");
        line(out, "  %-58s %8s %10s", "", "CPU s", "µs/record");
        splitRow(out, "shared: the perf tool's compiled code (payloads, callback)", split.toolCode());
        splitRow(out, "shared: compression library", split.compression());
        splitRow(out, "shared: clock reads (vDSO)", split.clock());
        splitRow(out, "shared work in all", split.shared());
        splitRow(out, "own: the producer's compiled code (and JVM stubs)", split.producerCode());
        splitRow(out, "own: interpreter and JVM runtime", split.interpreterAndRuntime());
        splitRow(out, "own: kernel", split.kernel());
        splitRow(out, "own: libc and other", split.libcAndOther());
        splitRow(out, c2 == null ? "own: C2 on the producer's classes (no compile log: 0)"
                : "own: C2 on the producer's classes", split.c2Producer());
        splitRow(out, "own: GC threads", split.gc());
        splitRow(out, "the producer's own part in all", split.producerOwn());
        splitRow(out, "neither: C2 on other classes or unattributed", split.c2Other());
        splitRow(out, "neither: C1", split.c1());
        splitRow(out, "neither: other threads", split.otherThreads());
    }

    private void splitRow(StringBuilder out, String label, long samples) {
        line(out, "  %-58s %8.2f %10.3f", label, seconds(samples), microsPerRecord(samples));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
