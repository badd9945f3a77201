package io.sluice.examples.perf;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a producer's metrics as Kafka's tools do for {@code --print-metrics}: a header, then one line per
 * metric sorted by {@code group:name:{tags}}, numbers with three decimals. Tags are sorted by key so that
 * the output is stable. Stateless.
 */
final class MetricsPrinter {

    private MetricsPrinter() {
    }

    static void print(Map<MetricName, ? extends Metric> metrics, PrintStream out) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        Map<String, Object> sorted = new TreeMap<>();
        int width = "Metric Name".length();
        for (Metric metric : metrics.values()) {
            MetricName name = metric.metricName();
            String merged = name.group() + ":" + name.name() + ":" + new TreeMap<>(name.tags());
            width = Math.max(width, merged.length());
            sorted.put(merged, metric.metricValue());
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%-" + width + "s   %s", "Metric Name", "Value"));
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            Object value = e.getValue();
            String format = value instanceof Double || value instanceof Float ? "%-" + width + "s : %.3f" : "%-" + width + "s : %s";
            out.println(String.format(Locale.ROOT, format, e.getKey(), value));
        }
    }
}
