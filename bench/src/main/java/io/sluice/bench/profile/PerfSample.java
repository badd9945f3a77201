package io.sluice.bench.profile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CPU sample from {@code perf script -F comm,tid,time,ip,sym,dso}: which thread ran (its name as the kernel
 * keeps it, at most 15 characters, spaces allowed: {@code "C2 CompilerThre"}), when (perf's clock, seconds) and
 * where (the symbol without its {@code +0x..} offset, and the shared object or perf map it lies in). A line that
 * names no location (perf had no ip for it) becomes a sample in {@code [unknown]}. Immutable.
 *
 * <pre>
 *  C2 CompilerThre 13789 32093.259592:      7f15346463de PhaseOutput::BuildOopMaps (/usr/lib/jvm/.../libjvm.so)
 *             java 13777 32096.024029:      7f151cf83fb2 void a.B.c(int, long) (/tmp/perf-13775.map)
 *             java 13775 32089.408512:  ffffffff816b4983 build_open_flags ([kernel.kallsyms])
 * </pre>
 */
record PerfSample(String comm, int tid, double time, String symbol, String dso) {

    static final String UNKNOWN = "[unknown]";

    /** comm (lazy, may hold spaces), tid, time and the rest; the time's colon anchors the split. */
    private static final Pattern HEAD = Pattern.compile("^\\s*(.+?)\\s+(\\d+)\\s+(\\d+\\.\\d+):\\s*(.*?)\\s*$");
    /** ip, symbol (may hold parentheses: Java signatures) and the last parenthesised group, the dso. */
    private static final Pattern LOCATION =
            Pattern.compile("^([0-9a-fA-F]+)\\s+(.*?)\\s*\\(((?:[^()]|\\([^()]*\\))*)\\)$");
    private static final Pattern OFFSET = Pattern.compile("\\+0x[0-9a-fA-F]+$");

    /** The sample on this line of perf script output, or null if the line is not a sample (blank, a header). */
    static PerfSample parse(String line) {
        Matcher head = HEAD.matcher(line);
        if (!head.matches()) {
            return null;
        }
        String comm = head.group(1);
        int tid = Integer.parseInt(head.group(2));
        double time = Double.parseDouble(head.group(3));
        Matcher location = LOCATION.matcher(head.group(4));
        if (!location.matches()) {
            return new PerfSample(comm, tid, time, UNKNOWN, UNKNOWN);
        }
        String symbol = OFFSET.matcher(location.group(2)).replaceFirst("");
        return new PerfSample(comm, tid, time, symbol.isEmpty() ? UNKNOWN : symbol, location.group(3));
    }

    /** The dso's file name without its directory ({@code libjvm.so}, {@code perf-13775.map}, {@code [vdso]}). */
    String dsoName() {
        return dso.substring(dso.lastIndexOf('/') + 1);
    }

    CodeKind kind() {
        return CodeKind.of(symbol, dso);
    }
}
