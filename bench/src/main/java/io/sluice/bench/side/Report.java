package io.sluice.bench.side;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Turns the runs into Markdown: per scenario a table of medians with min–max over the rounds, a table of
 * ratios (Sluice/official, Sluice/librdkafka), and every round's figures. Failed runs are listed but left
 * out of medians. "steady" latency columns are the tools' steady-state summaries ({@code --warmup-records}), "–"
 * where a scenario ran without warm-up. Stateless.
 */
final class Report {

    /** Official p99 + this = the middle of the whole millisecond its truncated figure stands for. */
    static final double TRUNCATION_MIDPOINT_MS = 0.5;

    static final String LATENCY_NOTE = "Latency: \"steady\" p50/p99 are each tool's steady-state summary, over the "
            + "records after the scenario's `--warmup-records` (the cold start's backlog left out; the whole-run figures "
            + "include it). Kafka's tool prints whole milliseconds, truncated: its 7 means 7.00–7.99 ms; Sluice's "
            + "figures come from its tool's HdrHistogram line, µs resolution. So \"Sluice/official\" latency ratios "
            + "lean against Sluice by up to 1 ms in the denominator; \"Sluice/(official+0.5 ms)\" divides by the "
            + "middle of the official figure's millisecond instead. The truth lies between Sluice/(official+1 ms) and "
            + "Sluice/official.\n\n";

    private Report() {
    }

    static String markdown(List<Scenario> scenarios, List<RunResult> runs) {
        StringBuilder md = new StringBuilder();
        md.append("### Medians (min–max) over the rounds\n\n");
        for (Scenario s : scenarios) {
            md.append("**").append(s.name()).append("** — ").append(s.describe()).append("\n\n");
            md.append("| producer | records/s | MB/s | CPU µs/record (process) | CPU µs/record (steady) | "
                    + "alloc B/record (steady) | p50 ms | p99 ms | steady p50 ms | steady p99 ms | broker CPU µs/record | "
                    + "ok runs |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Contender c : Contender.values()) {
                List<RunResult> ok = select(runs, s, c, true);
                int all = select(runs, s, c, false).size();
                if (all == 0) {
                    continue;
                }
                md.append("| ").append(c.label())
                        .append(" | ").append(cell(ok, RunResult::recordsPerSec, "%,.0f"))
                        .append(" | ").append(cell(ok, RunResult::mbPerSec, "%.1f"))
                        .append(" | ").append(cell(ok, r -> r.cpuNanosPerRecord() / 1000, "%.2f"))
                        .append(" | ").append(cell(ok, r -> r.steadyCpuNanosPerRecord() / 1000, "%.2f"))
                        .append(" | ").append(cell(ok, RunResult::steadyAllocBytesPerRecord, "%.1f"))
                        .append(" | ").append(cell(ok, RunResult::p50Ms, "%.2f"))
                        .append(" | ").append(cell(ok, RunResult::p99Ms, "%.2f"))
                        .append(" | ").append(cell(ok, RunResult::steadyP50Ms, "%.2f"))
                        .append(" | ").append(cell(ok, RunResult::steadyP99Ms, "%.2f"))
                        .append(" | ").append(cell(ok, r -> r.brokerCpuNanosPerRecord() / 1000, "%.2f"))
                        .append(" | ").append(ok.size()).append("/").append(all).append(" |\n");
            }
            md.append("\n");
        }
        if (scenarios.stream().anyMatch(s -> s.warmupRecords() > 0)) {
            md.append(LATENCY_NOTE);
        }
        md.append(ratios(scenarios, runs));
        md.append(rounds(runs));
        return md.toString();
    }

    private static String ratios(List<Scenario> scenarios, List<RunResult> runs) {
        StringBuilder md = new StringBuilder("### Ratios of medians\n\n");
        md.append("| scenario | throughput Sluice/official | throughput Sluice/librdkafka | CPU/record Sluice/official "
                + "(process) | CPU/record Sluice/official (steady) | CPU/record Sluice/librdkafka (process) | "
                + "p99 Sluice/official | p99 steady Sluice/official | p99 steady Sluice/(official+0.5 ms) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Scenario s : scenarios) {
            md.append("| ").append(s.name())
                    .append(" | ").append(ratio(runs, s, Contender.OFFICIAL, RunResult::recordsPerSec))
                    .append(" | ").append(ratio(runs, s, Contender.LIBRDKAFKA, RunResult::recordsPerSec))
                    .append(" | ").append(ratio(runs, s, Contender.OFFICIAL, RunResult::cpuNanosPerRecord))
                    .append(" | ").append(ratio(runs, s, Contender.OFFICIAL, RunResult::steadyCpuNanosPerRecord))
                    .append(" | ").append(ratio(runs, s, Contender.LIBRDKAFKA, RunResult::cpuNanosPerRecord))
                    .append(" | ").append(ratio(runs, s, Contender.OFFICIAL, RunResult::p99Ms))
                    .append(" | ").append(ratio(runs, s, Contender.OFFICIAL, RunResult::steadyP99Ms))
                    .append(" | ").append(ratio(runs, s, Contender.OFFICIAL, RunResult::steadyP99Ms, TRUNCATION_MIDPOINT_MS))
                    .append(" |\n");
        }
        return md.append("\n").toString();
    }

    private static String rounds(List<RunResult> runs) {
        StringBuilder md = new StringBuilder("<details><summary>Every run, in the order they ran</summary>\n\n");
        md.append("| scenario | round | producer | ok | records/s | CPU µs/rec (process) | CPU µs/rec (steady) | "
                + "alloc B/rec (steady) | alloc B/rec (whole run) | GCs | p50 ms | p99 ms | steady p50 ms | steady p99 ms | "
                + "broker CPU µs/rec | peak RSS MB | note |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunResult r : runs) {
            md.append(String.format(Locale.ROOT,
                    "| %s | %d | %s | %s | %,.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |%n",
                    r.scenario().name(), r.round(), r.contender().label(), r.ok() ? "yes" : "**no**", r.recordsPerSec(),
                    fmt("%.2f", r.cpuNanosPerRecord() / 1000), fmt("%.2f", r.steadyCpuNanosPerRecord() / 1000),
                    fmt("%.1f", r.steadyAllocBytesPerRecord()), fmt("%.1f", r.allocBytesPerRecord()),
                    r.contender().isJava() ? Long.toString(r.gcCount()) : "–", fmt("%.2f", r.p50Ms()),
                    fmt("%.2f", r.p99Ms()), fmt("%.2f", r.steadyP50Ms()), fmt("%.2f", r.steadyP99Ms()),
                    fmt("%.2f", r.brokerCpuNanosPerRecord() / 1000), r.maxRssKb() / 1024,
                    r.note()));
        }
        return md.append("\n</details>\n").toString();
    }

    private static List<RunResult> select(List<RunResult> runs, Scenario s, Contender c, boolean okOnly) {
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : runs) {
            if (r.scenario().equals(s) && r.contender() == c && (r.ok() || !okOnly)) {
                out.add(r);
            }
        }
        return out;
    }

    private static String cell(List<RunResult> runs, ToDoubleFunction<RunResult> metric, String format) {
        double[] v = values(runs, metric);
        if (v.length == 0) {
            return "–";
        }
        String median = fmt(format, median(v));
        return v.length == 1 ? median : median + " (" + fmt(format, v[0]) + "–" + fmt(format, v[v.length - 1]) + ")";
    }

    private static String ratio(List<RunResult> runs, Scenario s, Contender other, ToDoubleFunction<RunResult> metric) {
        return ratio(runs, s, other, metric, 0);
    }

    /** median(Sluice) / (median(other) + addToOther), "–" when either has no value. */
    static String ratio(List<RunResult> runs, Scenario s, Contender other, ToDoubleFunction<RunResult> metric,
                        double addToOther) {
        double[] sluice = values(select(runs, s, Contender.SLUICE, true), metric);
        double[] rival = values(select(runs, s, other, true), metric);
        if (sluice.length == 0 || rival.length == 0) {
            return "–";
        }
        return fmt("%.2f×", median(sluice) / (median(rival) + addToOther));
    }

    /** The metric's values without NaN, sorted. */
    static double[] values(List<RunResult> runs, ToDoubleFunction<RunResult> metric) {
        return runs.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String fmt(String format, double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, format, v);
    }
}
