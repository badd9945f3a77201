package io.sluice.api;

import java.util.Map;
import java.util.Objects;

/**
 * The name of a metric, with Apache Kafka's naming so that dashboards map one to one:
 * a name such as {@code record-send-rate}, a group such as {@code producer-metrics}, and tags
 * such as {@code client-id}, {@code topic} or {@code node-id}.
 *
 * <p>As in Kafka, two names are equal when name, group and tags are: the description is not part of
 * the identity, so a metric can be looked up without knowing its wording.
 *
 * @param name        the metric's name, e.g. {@code record-send-rate}
 * @param group       the group, e.g. {@code producer-metrics} or {@code producer-topic-metrics}
 * @param description what the metric measures, for humans; {@code ""} if none
 * @param tags        the tags, e.g. {@code client-id=my-app}; an unmodifiable copy
 */
public record MetricName(String name, String group, String description, Map<String, String> tags) {

    /**
     * Checks the components; a null description becomes {@code ""}, and the tags are copied.
     *
     * @param name        the metric's name, not {@code null}
     * @param group       the group, not {@code null}
     * @param description what the metric measures, or {@code null} for none
     * @param tags        the tags, not {@code null} and without null keys or values; copied
     * @throws NullPointerException if {@code name}, {@code group} or {@code tags} is null, or a tag's key or value is
     */
    public MetricName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        description = description == null ? "" : description;
        tags = Map.copyOf(tags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricName other && name.equals(other.name) && group.equals(other.group)
                && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, group, tags);
    }
}
