package io.sluice.bench.side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a run left behind: the perf tools' Kafka-format lines, Sluice's HdrHistogram line,
 * {@code /usr/bin/time}'s line and the {@code ProcessProbe} samples. Stateless.
 */
final class ToolOutput {

    /** Kafka's whole-run summary line (whole ms, truncated); Sluice's tool prints the same. */
    static final Pattern SUMMARY = summaryLine("");
    /** The second summary both tools print with {@code --warmup-records}, over the records after the warm-up. */
    static final Pattern STEADY_SUMMARY = summaryLine(" steady state");
    static final Pattern PROGRESS = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency\\.$");
    /** Sluice's tool only: the HdrHistogram percentiles (µs resolution) after each summary line. */
    static final Pattern PERCENTILES = percentilesLine("");
    static final Pattern STEADY_PERCENTILES = percentilesLine(" steady state");
    /** Printed by both tools with the first progress line after the warm-up. */
    static final String IN_STEADY_STATE = "In steady state.";

    private ToolOutput() {
    }

    private static Pattern summaryLine(String label) {
        return Pattern.compile("^(\\d+)" + label + " records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
                + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
                + "(\\d+) ms 99\\.9th\\.$");
    }

    private static Pattern percentilesLine(String label) {
        return Pattern.compile("^(\\d+)" + label + " records latency percentiles: ([\\d.]+) ms 50th, "
                + "([\\d.]+) ms 95th, ([\\d.]+) ms 99th, ([\\d.]+) ms 99\\.9th.*$");
    }

    /**
     * The summary line's numbers; p50/p99 from Sluice's microsecond line when present, else Kafka's whole ms. The
     * steady-state p50/p99 come the same way from the steady-state lines, and are NaN without {@code --warmup-records}.
     */
    record Summary(long records, double recordsPerSec, double mbPerSec, double p50Ms, double p99Ms, double steadyP50Ms,
                   double steadyP99Ms) {
    }

    /** @return the run's summary, or null when the tool printed no whole-run summary line */
    static Summary summary(List<String> stdout) {
        Matcher whole = null;
        Matcher wholeMicros = null;
        Matcher steady = null;
        Matcher steadyMicros = null;
        for (String raw : stdout) {
            String line = raw.strip();
            whole = lastMatch(SUMMARY, line, whole);
            wholeMicros = lastMatch(PERCENTILES, line, wholeMicros);
            steady = lastMatch(STEADY_SUMMARY, line, steady);
            steadyMicros = lastMatch(STEADY_PERCENTILES, line, steadyMicros);
        }
        if (whole == null) {
            return null;
        }
        double[] p = percentiles(whole, wholeMicros);
        double[] sp = steady == null ? new double[] {Double.NaN, Double.NaN} : percentiles(steady, steadyMicros);
        return new Summary(Long.parseLong(whole.group(1)), Double.parseDouble(whole.group(2)),
                Double.parseDouble(whole.group(3)), p[0], p[1], sp[0], sp[1]);
    }

    private static Matcher lastMatch(Pattern pattern, String line, Matcher previous) {
        Matcher m = pattern.matcher(line);
        return m.matches() ? m : previous;
    }

    /** {p50, p99} in ms: the µs line's when it counts the same records as the summary line, else the summary's. */
    private static double[] percentiles(Matcher summary, Matcher micros) {
        if (micros != null && micros.group(1).equals(summary.group(1))) {
            return new double[] {Double.parseDouble(micros.group(2)), Double.parseDouble(micros.group(4))};
        }
        return new double[] {Double.parseDouble(summary.group(6)), Double.parseDouble(summary.group(8))};
    }

    /** {@code /usr/bin/time -f "%e %U %S %M"}: wall s, user s, system s, max RSS KB. */
    record Times(double wallSeconds, double userSeconds, double systemSeconds, long maxRssKb) {
        double cpuSeconds() {
            return userSeconds + systemSeconds;
        }
    }

    static Times times(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
        return new Times(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]));
    }

    /** One ProcessProbe sample: process CPU, bytes allocated, GCs, and the line printed then. */
    record Sample(long cpuNanos, long allocatedBytes, long gcCount, String line) {
    }

    static List<Sample> samples(Path file) throws IOException {
        List<Sample> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String[] f = line.substring(0, tab).split(" ");
            out.add(new Sample(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), line.substring(tab + 1)));
        }
        return out;
    }

    /**
     * How many progress lines the tool printed before "In steady state.": with {@code --warmup-records} both tools
     * stop the whole-run progress lines at the warm-up and print the steady-state stats' windows instead, which
     * count only the records after the warm-up. {@link Integer#MAX_VALUE} when there is no such line.
     */
    static int progressLinesBeforeSteadyState(List<String> stdout) {
        int progress = 0;
        for (String raw : stdout) {
            String line = raw.strip();
            if (line.equals(IN_STEADY_STATE)) {
                return progress;
            }
            if (PROGRESS.matcher(line).matches()) {
                progress++;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * Per-record CPU and allocation in the steady part of a run: from the second progress line (the first
     * second holds class loading and most JIT work) to the summary line, which both tools print after
     * closing the producer. Records in the window = total − records acknowledged by the start sample. Progress
     * lines from index {@code steadyFrom} on are the steady-state windows of a {@code --warmup-records} run (see
     * {@link #progressLinesBeforeSteadyState}): records acknowledged by then = warm-up + their sum.
     *
     * @return {cpu ns/record, allocated bytes/record, whole-run allocated bytes/record, GC count}, NaN when
     *         the probe saw no summary
     */
    static double[] steady(List<Sample> samples, long totalRecords, long warmupRecords, int steadyFrom) {
        double[] nan = {Double.NaN, Double.NaN, Double.NaN, 0};
        Sample summary = null;
        List<Sample> progress = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long acked = 0;
        for (Sample s : samples) {
            Matcher p = PROGRESS.matcher(s.line());
            if (p.matches() && summary == null) {
                if (progress.size() == steadyFrom) {
                    acked = warmupRecords; // the windows from here on count the steady-state records only
                }
                acked += Long.parseLong(p.group(1));
                progress.add(s);
                cumulative.add(acked);
            } else if (SUMMARY.matcher(s.line()).matches() && summary == null) {
                summary = s;
            }
        }
        if (summary == null) {
            return nan;
        }
        int startIndex = progress.size() >= 2 ? 1 : progress.size() - 1;
        Sample start = startIndex >= 0 ? progress.get(startIndex) : new Sample(0, 0, 0, "<jvm start>");
        long windowRecords = totalRecords - (startIndex >= 0 ? cumulative.get(startIndex) : 0);
        if (windowRecords <= 0) {
            return nan;
        }
        return new double[] {
            (summary.cpuNanos() - start.cpuNanos()) / (double) windowRecords,
            (summary.allocatedBytes() - start.allocatedBytes()) / (double) windowRecords,
            summary.allocatedBytes() / (double) totalRecords,
            summary.gcCount()
        };
    }
}
