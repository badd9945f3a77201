package io.sluice.core.protocol;

import io.sluice.api.errors.UnsupportedVersionException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Metadata request (key 3), v1–v13 ({@code MetadataRequest.json}); flexible from v9.
 *
 * <pre>
 *   array  topics                                  nullable: null = all topics (v1+), empty = none
 *     uuid   topic_id                              v10+ (honoured by brokers from v12)
 *     string name                                  nullable v10+ (asking by id alone needs v12)
 *     tagged fields                                v9+
 *   bool   allow_auto_topic_creation               v4+ (default true)
 *   bool   include_cluster_authorized_operations   v8–v10
 *   bool   include_topic_authorized_operations     v8+
 *   tagged fields                                  v9+
 * </pre>
 *
 * A value a version cannot carry is refused with {@link UnsupportedVersionException}, as Kafka's own
 * encoder does, rather than dropped: e.g. {@code allowAutoTopicCreation = false} below v4.
 *
 * @param topics                             the topics, or {@code null} for all
 * @param allowAutoTopicCreation             let the broker create missing topics (if it is configured to)
 * @param includeClusterAuthorizedOperations v8–v10 only
 * @param includeTopicAuthorizedOperations   v8+
 */
public record MetadataRequest(List<Topic> topics, boolean allowAutoTopicCreation,
                              boolean includeClusterAuthorizedOperations, boolean includeTopicAuthorizedOperations)
        implements RequestBody {

    /**
     * A topic asked for by name, by id (v12+), or both.
     *
     * @param topicId the id, or {@link Uuids#ZERO}
     * @param name    the name, or {@code null} to ask by id only
     */
    public record Topic(UUID topicId, String name) {
        public Topic {
            Objects.requireNonNull(topicId, "topicId (use Uuids.ZERO for none)");
            if (name == null && Uuids.isZero(topicId)) {
                throw new IllegalArgumentException("A metadata topic needs a name or a topic id");
            }
        }

        public static Topic named(String name) {
            return new Topic(Uuids.ZERO, Objects.requireNonNull(name, "name"));
        }
    }

    public MetadataRequest {
        topics = topics == null ? null : List.copyOf(topics);
    }

    /** Metadata of every topic in the cluster. */
    public static MetadataRequest allTopics(boolean allowAutoTopicCreation) {
        return new MetadataRequest(null, allowAutoTopicCreation, false, false);
    }

    /** Metadata of these topics (none if empty). */
    public static MetadataRequest forTopics(Collection<String> names, boolean allowAutoTopicCreation) {
        return new MetadataRequest(names.stream().map(Topic::named).toList(), allowAutoTopicCreation, false, false);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.METADATA;
    }

    @Override
    public int framingSize(short version) {
        checkVersionCanCarry(version);
        boolean flexible = ApiKeys.METADATA.isFlexible(version);
        int size = ProtocolWriter.sizeOfArrayLength(topics == null ? -1 : topics.size(), flexible);
        if (topics != null) {
            for (Topic topic : topics) {
                size += (version >= 10 ? ProtocolWriter.UUID_SIZE : 0)
                        + ProtocolWriter.sizeOfNullableString(topic.name(), flexible, "topic name")
                        + ProtocolWriter.sizeOfTaggedFields(flexible);
            }
        }
        size += version >= 4 ? 1 : 0;
        size += version >= 8 && version <= 10 ? 1 : 0;
        size += version >= 8 ? 1 : 0;
        return size + ProtocolWriter.sizeOfTaggedFields(flexible);
    }

    private void checkVersionCanCarry(short version) {
        if (version < 4 && !allowAutoTopicCreation) {
            throw cannotCarry(version, "allow_auto_topic_creation=false", "v4 (Kafka 0.11)");
        }
        if (includeClusterAuthorizedOperations && (version < 8 || version > 10)) {
            throw cannotCarry(version, "include_cluster_authorized_operations", "v8–v10; from v11 use DescribeCluster");
        }
        if (includeTopicAuthorizedOperations && version < 8) {
            throw cannotCarry(version, "include_topic_authorized_operations", "v8 (Kafka 2.3)");
        }
        if (topics != null && version < 12) {
            for (Topic topic : topics) {
                if (topic.name() == null) {
                    throw cannotCarry(version, "a topic asked for by id only (" + topic.topicId() + ")", "v12 (Kafka 3.1)");
                }
            }
        }
    }

    private static UnsupportedVersionException cannotCarry(short version, String what, String needs) {
        return new UnsupportedVersionException("Metadata v" + version + " cannot carry " + what + "; that needs " + needs);
    }

    @Override
    public void writeTo(ProtocolWriter out, short version) {
        boolean flexible = ApiKeys.METADATA.isFlexible(version);
        out.arrayLength(topics == null ? -1 : topics.size(), flexible);
        if (topics != null) {
            for (Topic topic : topics) {
                if (version >= 10) {
                    out.uuid(topic.topicId());
                }
                out.nullableString(topic.name(), flexible);
                out.taggedFields(flexible);
            }
        }
        if (version >= 4) {
            out.bool(allowAutoTopicCreation);
        }
        if (version >= 8 && version <= 10) {
            out.bool(includeClusterAuthorizedOperations);
        }
        if (version >= 8) {
            out.bool(includeTopicAuthorizedOperations);
        }
        out.taggedFields(flexible);
    }
}
