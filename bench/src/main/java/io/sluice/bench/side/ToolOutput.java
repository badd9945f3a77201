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

    static final Pattern SUMMARY = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, "
            + "(\\d+) ms 99\\.9th\\.$");
    static final Pattern PROGRESS = Pattern.compile("^(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency\\.$");
    static final Pattern PERCENTILES = Pattern.compile("^(\\d+) records latency percentiles: ([\\d.]+) ms 50th, "
            + "([\\d.]+) ms 95th, ([\\d.]+) ms 99th, ([\\d.]+) ms 99\\.9th.*$");

    private ToolOutput() {
    }

    /** The summary line's numbers; p50/p99 from Sluice's microsecond line when present, else Kafka's whole ms. */
    record Summary(long records, double recordsPerSec, double mbPerSec, double p50Ms, double p99Ms) {
    }

    static Summary summary(List<String> stdout) {
        Summary found = null;
        for (String line : stdout) {
            Matcher m = SUMMARY.matcher(line.strip());
            if (m.matches()) {
                found = new Summary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(6)), Double.parseDouble(m.group(8)));
            }
            Matcher p = PERCENTILES.matcher(line.strip());
            if (p.matches() && found != null) {
                found = new Summary(found.records(), found.recordsPerSec(), found.mbPerSec(),
                        Double.parseDouble(p.group(2)), Double.parseDouble(p.group(4)));
            }
        }
        return found;
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
     * Per-record CPU and allocation in the steady part of a run: from the second progress line (the first
     * second holds class loading and most JIT work) to the summary line, which both tools print after
     * closing the producer. Records in the window = total − records acknowledged by the start sample.
     *
     * @return {cpu ns/record, allocated bytes/record, whole-run allocated bytes/record, GC count}, NaN when
     *         the probe saw no summary
     */
    static double[] steady(List<Sample> samples, long totalRecords) {
        double[] nan = {Double.NaN, Double.NaN, Double.NaN, 0};
        Sample summary = null;
        List<Sample> progress = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long acked = 0;
        for (Sample s : samples) {
            Matcher p = PROGRESS.matcher(s.line());
            if (p.matches() && summary == null) {
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
