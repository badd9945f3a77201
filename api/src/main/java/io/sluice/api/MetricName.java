package io.sluice.api;

import java.util.Map;
import java.util.Objects;

/**
 * The name of a metric, with Apache Kafka's naming so that dashboards map one to one:
 * a name such as {@code record-send-rate}, a group such as {@code producer-metrics}, and tags
 * such as {@code client-id}, {@code topic} or {@code node-id}.
 */
public record MetricName(String name, String group, String description, Map<String, String> tags) {

    public MetricName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        description = description == null ? "" : description;
        tags = Map.copyOf(tags);
    }
}
