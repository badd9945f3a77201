package io.sluice.examples.tune;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the tuning report: one self-contained HTML page (inline CSS and SVG; no script, no fonts, nothing
 * fetched) with the chart of {@link SvgChart}, a table of every setting and what the trade-off means, with the
 * best settings of this run named. Stateless.
 */
public final class TuneReport {

    private TuneReport() {
    }

    /** @return the file written, absolute */
    public static Path write(TuneOptions options, List<TuneResult> results) throws IOException {
        Path file = options.output().toAbsolutePath();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, html(options, results), StandardCharsets.UTF_8);
        return file;
    }

    static String html(TuneOptions options, List<TuneResult> results) {
        boolean showCodec = options.compressionTypes().size() > 1;
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sluice tuning report</title>\n")
                .append("<style>\nbody{font-family:sans-serif;margin:2em auto;max-width:60em;color:#222}\n")
                .append("table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}\n")
                .append("th{background:#f3f3f3}tr.frontier td{font-weight:bold}.meta{color:#555}\n</style>\n</head>\n<body>\n")
                .append("<h1>Sluice tuning report: batch.size &times; linger.ms</h1>\n");
        h.append(String.format(Locale.ROOT, "<p class=\"meta\">%s &middot; cluster %s, topic %s &middot; %d records of %d bytes "
                        + "per setting (half keyed), %s &middot; Java %s, %d cores</p>%n",
                escape(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)), escape(options.bootstrapServers()),
                escape(options.topic()), options.numRecords(), options.recordSize(),
                options.throughput() > 0 ? "held to " + (long) options.throughput() + " records/s" : "sent as fast as possible",
                escape(System.getProperty("java.version")), Runtime.getRuntime().availableProcessors()));
        h.append("<figure>\n").append(SvgChart.draw(results, options.lingerMs(), options.batchSizes(), showCodec))
                .append("<figcaption>Each point is one setting: further right is more throughput, lower is less latency "
                        + "(99% of records were acknowledged within that time). The dashed line joins the settings no other "
                        + "setting beats on both.</figcaption>\n</figure>\n");
        table(h, results);
        explanation(h, options, results);
        return h.append("</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder h, List<TuneResult> results) {
        List<TuneResult> front = SvgChart.frontier(results);
        h.append("<h2>Every setting</h2>\n<table id=\"settings\">\n<thead><tr><th>batch.size</th><th>linger.ms</th>"
                + "<th>compression.type</th><th>records/s</th><th>MB/s</th><th>p50 ms</th><th>p99 ms</th><th>max ms</th>"
                + "<th>bytes per batch</th><th>records per request</th><th>compression rate</th></tr></thead>\n<tbody>\n");
        for (TuneResult r : results) {
            TuneSetting t = r.setting();
            h.append(String.format(Locale.ROOT, "<tr%s><td>%d</td><td>%d</td><td>%s</td><td>%.0f</td><td>%.1f</td>"
                            + "<td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.0f</td><td>%.1f</td><td>%.3f</td></tr>%n",
                    front.contains(r) ? " class=\"frontier\"" : "", t.batchSize(), t.lingerMs(), escape(t.compressionType()),
                    r.recordsPerSecond(), r.megabytesPerSecond(), r.p50Ms(), r.p99Ms(), r.maxMs(), r.averageBatchBytes(),
                    r.recordsPerRequest(), r.compressionRate()));
        }
        h.append("</tbody>\n</table>\n<p>Bold rows are on the dashed line. Bytes per batch are after compression.</p>\n");
    }

    private static void explanation(StringBuilder h, TuneOptions options, List<TuneResult> results) {
        TuneResult fastest = results.stream().max(Comparator.comparingDouble(TuneResult::recordsPerSecond)).orElseThrow();
        TuneResult quickest = results.stream().min(Comparator.comparingDouble(TuneResult::p99Ms)).orElseThrow();
        h.append("<h2>The trade-off</h2>\n<p>The producer sends a partition's records in batches. A batch leaves when it "
                + "holds <code>batch.size</code> bytes or when it has waited <code>linger.ms</code>, whichever comes first. "
                + "Larger, fuller batches mean fewer requests, less overhead per record and better compression: more "
                + "throughput. Waiting for them to fill adds up to <code>linger.ms</code> to each record's latency, and "
                + "a larger batch takes longer to write and copy. When records arrive faster than the network takes "
                + "them, batches fill before <code>linger.ms</code> runs out, and latency is mostly time spent queued in "
                + "<code>buffer.memory</code>, which more throughput shortens.</p>\n");
        if (fastest == quickest) {
            h.append(String.format(Locale.ROOT, "<p>On this machine <b>batch.size=%d, linger.ms=%d</b> gave both the most "
                            + "throughput and the lowest p99 latency (%.0f records/s, p99 %.1f ms).</p>%n",
                    fastest.setting().batchSize(), fastest.setting().lingerMs(), fastest.recordsPerSecond(), fastest.p99Ms()));
        } else {
            h.append(String.format(Locale.ROOT, "<p>On this machine the most throughput came from <b>batch.size=%d, "
                            + "linger.ms=%d</b> (%.0f records/s, p99 %.1f ms); the lowest p99 latency from <b>batch.size=%d, "
                            + "linger.ms=%d</b> (%.1f ms at %.0f records/s). Pick from the dashed line: the settings to its "
                            + "upper left give away both.</p>%n", fastest.setting().batchSize(), fastest.setting().lingerMs(),
                    fastest.recordsPerSecond(), fastest.p99Ms(), quickest.setting().batchSize(), quickest.setting().lingerMs(),
                    quickest.p99Ms(), quickest.recordsPerSecond()));
        }
        h.append("<p>").append(options.throughput() > 0
                ? "Every run was held to the same rate, so throughput differs little and latency shows what batching costs."
                : "Every run sent as fast as it could, so latency includes queueing; run <code>bin/sluice-tune "
                + "--throughput N</code> with your real rate to see the latency at that load.")
                .append(" Sluice's producer explains its own batching too: <code>io.sluice.core.Tuning.explain(producer)"
                        + "</code> says how full batches were and which setting closed them.</p>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
