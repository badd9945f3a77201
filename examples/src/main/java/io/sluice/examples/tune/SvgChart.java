package io.sluice.examples.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Draws the tuning report's scatter chart as inline SVG: throughput (records/s) across, p99 latency (ms) up, one
 * {@code <circle class="point">} per setting with its figures in {@code data-*} attributes and a label beside it,
 * colour by {@code linger.ms}, size by {@code batch.size}, and a dashed {@code <path class="frontier">} through
 * the settings no other setting beats on both axes. Scales start at 0 and end at a round number above the
 * largest value. Stateless.
 */
final class SvgChart {

    static final int WIDTH = 780;
    static final int HEIGHT = 480;
    private static final int LEFT = 80;
    private static final int RIGHT = 150;
    private static final int TOP = 30;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#1b6ac9", "#e8590c", "#2b8a3e", "#ae3ec9", "#c92a2a", "#0b7285", "#5c940d"};

    private SvgChart() {
    }

    static String draw(List<TuneResult> results, List<Long> lingerValues, List<Integer> batchSizes, boolean showCodec) {
        double xMax = niceCeiling(results.stream().mapToDouble(TuneResult::recordsPerSecond).max().orElse(1) * 1.08);
        double yMax = niceCeiling(results.stream().mapToDouble(TuneResult::p99Ms).max().orElse(1) * 1.12);
        Scale s = new Scale(xMax, yMax);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"tradeoff-chart\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Throughput against p99 "
                + "latency, one point per setting\" data-points=\"%d\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, results.size()));
        axes(svg, s);
        frontier(svg, s, results);
        svg.append("<g class=\"points\">\n");
        List<double[]> taken = new ArrayList<>(); // rectangles {x1, y1, x2, y2}: axis labels, circles, then labels
        taken.add(new double[] {0, HEIGHT - BOTTOM + 1, WIDTH, HEIGHT}); // the x axis' numbers and title
        taken.add(new double[] {WIDTH - RIGHT + 15, 0, WIDTH, HEIGHT}); // the legend
        for (TuneResult r : results) {
            double radius = radius(batchSizes.indexOf(r.setting().batchSize()));
            double cx = s.x(r.recordsPerSecond());
            double cy = s.y(r.p99Ms());
            taken.add(new double[] {cx - radius, cy - radius, cx + radius, cy + radius});
        }
        for (TuneResult r : results) {
            point(svg, s, r, lingerValues.indexOf(r.setting().lingerMs()), batchSizes.indexOf(r.setting().batchSize()),
                    showCodec, taken);
        }
        svg.append("</g>\n");
        legend(svg, lingerValues, batchSizes);
        return svg.append("</svg>\n").toString();
    }

    /** The settings that no other setting beats on both throughput and p99 latency, by rising throughput. */
    static List<TuneResult> frontier(List<TuneResult> results) {
        List<TuneResult> front = new ArrayList<>();
        for (TuneResult r : results) {
            boolean beaten = results.stream().anyMatch(q -> q != r && q.recordsPerSecond() >= r.recordsPerSecond()
                    && q.p99Ms() <= r.p99Ms() && (q.recordsPerSecond() > r.recordsPerSecond() || q.p99Ms() < r.p99Ms()));
            if (!beaten) {
                front.add(r);
            }
        }
        front.sort(Comparator.comparingDouble(TuneResult::recordsPerSecond));
        return front;
    }

    private static void axes(StringBuilder svg, Scale s) {
        svg.append("<g class=\"axes\" font-size=\"12\" fill=\"#333\">\n");
        for (int i = 0; i <= 5; i++) {
            double xv = s.xMax * i / 5;
            double yv = s.yMax * i / 5;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e3e3e3\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    s.x(xv), TOP, s.x(xv), HEIGHT - BOTTOM, s.x(xv), HEIGHT - BOTTOM + 18, number(xv)));
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e3e3\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, s.y(yv), WIDTH - RIGHT, s.y(yv), LEFT - 8, s.y(yv) + 4, number(yv)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                + "font-size=\"13\">throughput (records/s) →</text>%n", LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 18));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" "
                + "font-size=\"13\" transform=\"rotate(-90 %d %d)\">p99 latency, send to ack (ms) →</text>%n</g>%n",
                18, TOP + (HEIGHT - TOP - BOTTOM) / 2, 18, TOP + (HEIGHT - TOP - BOTTOM) / 2));
    }

    private static void frontier(StringBuilder svg, Scale s, List<TuneResult> results) {
        List<TuneResult> front = frontier(results);
        StringBuilder d = new StringBuilder();
        for (TuneResult r : front) {
            d.append(d.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", s.x(r.recordsPerSecond()), s.y(r.p99Ms())));
        }
        svg.append(String.format(Locale.ROOT, "<path class=\"frontier\" d=\"%s\" fill=\"none\" stroke=\"#888\" "
                + "stroke-dasharray=\"5 4\" data-settings=\"%d\"/>%n", d, front.size()));
    }

    private static void point(StringBuilder svg, Scale s, TuneResult r, int lingerIndex, int sizeIndex, boolean showCodec,
                              List<double[]> taken) {
        TuneSetting t = r.setting();
        double cx = s.x(r.recordsPerSecond());
        double cy = s.y(r.p99Ms());
        String text = t.label(showCodec);
        String label = TuneReport.escape(text);
        double radius = radius(sizeIndex);
        double[] at = labelPosition(cx, radius + 4, cy + 4, text.length() * 6.2, taken);
        svg.append(String.format(Locale.ROOT, "<g class=\"setting\"><circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" "
                        + "fill=\"%s\" fill-opacity=\"0.8\" stroke=\"#222\" data-batch-size=\"%d\" data-linger-ms=\"%d\" "
                        + "data-compression-type=\"%s\" data-records-per-second=\"%.1f\" data-p99-ms=\"%.3f\">"
                        + "<title>batch.size=%d linger.ms=%d compression.type=%s: %.0f records/s, p99 %.1f ms</title></circle>"
                        + "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#222\">%s</text></g>%n",
                cx, cy, (int) radius, COLOURS[Math.max(0, lingerIndex) % COLOURS.length],
                t.batchSize(), t.lingerMs(), TuneReport.escape(t.compressionType()), r.recordsPerSecond(), r.p99Ms(),
                t.batchSize(), t.lingerMs(), TuneReport.escape(t.compressionType()), r.recordsPerSecond(), r.p99Ms(),
                at[0], at[1], label));
    }

    /** Circles grow with batch.size: 5, 7, 9, ... pixels. */
    private static double radius(int sizeIndex) {
        return 5 + 2 * Math.max(0, sizeIndex);
    }

    /**
     * Where a label goes ({x, baseline y}): right of its point, else left of it, at the point's height or moved down
     * or up a line at a time, until it covers no circle, axis label, legend or label placed before it (11 px tall
     * text, about 6.2 px per character). The label's rectangle is added to {@code taken}.
     */
    private static double[] labelPosition(double cx, double gap, double y, double width, List<double[]> taken) {
        for (int step = 0; step < 16; step++) {
            double baseline = y + (step % 2 == 0 ? 1 : -1) * 12 * ((step + 1) / 2);
            for (double x : new double[] {cx + gap, cx - gap - width}) {
                double[] box = {x, baseline - 10, x + width, baseline + 3};
                if (x >= 0 && taken.stream().noneMatch(t -> box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) {
                    taken.add(box);
                    return new double[] {x, baseline};
                }
            }
        }
        taken.add(new double[] {cx + gap, y - 10, cx + gap + width, y + 3});
        return new double[] {cx + gap, y};
    }

    private static void legend(StringBuilder svg, List<Long> lingerValues, List<Integer> batchSizes) {
        int x = WIDTH - RIGHT + 20;
        int y = TOP + 10;
        svg.append("<g class=\"legend\" font-size=\"12\" fill=\"#333\">\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">linger.ms</text>%n", x, y));
        for (int i = 0; i < lingerValues.size(); i++) {
            y += 18;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%d</text>%n",
                    x + 6, y - 4, COLOURS[i % COLOURS.length], x + 18, y, lingerValues.get(i)));
        }
        y += 30;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">batch.size</text>%n", x, y));
        for (int i = 0; i < batchSizes.size(); i++) {
            y += 22;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"#fff\" stroke=\"#222\"/>"
                    + "<text x=\"%d\" y=\"%d\">%d</text>%n", x + 8, y - 4, (int) radius(i), x + 24, y, batchSizes.get(i)));
        }
        y += 30;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\" "
                + "stroke-dasharray=\"5 4\"/><text x=\"%d\" y=\"%d\">best trade-offs</text>%n</g>%n", x, y - 4, x + 18, y - 4, x + 24, y));
    }

    /** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten at or above {@code v}. */
    static double niceCeiling(double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double v) {
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Data to picture coordinates. */
    private record Scale(double xMax, double yMax) {
        double x(double v) {
            return LEFT + v / xMax * (WIDTH - LEFT - RIGHT);
        }

        double y(double v) {
            return TOP + (HEIGHT - TOP - BOTTOM) - v / yMax * (HEIGHT - TOP - BOTTOM);
        }
    }
}
