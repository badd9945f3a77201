package io.sluice.core.send;

import io.sluice.api.errors.AuthenticationException;
import io.sluice.core.accumulate.PartitionLeaders;
import java.util.Set;
import java.util.UUID;

/** What the sender needs of the metadata layer: the current leaders, and a way to ask for fresher ones. */
public interface ClusterSource {

    /** The leaders as of the latest metadata. */
    PartitionLeaders leaders();

    /** The topic's id (Kafka 2.8+ metadata), or {@code null} if the metadata did not carry one. */
    UUID topicId(String topic);

    /** Asks for a metadata refresh, e.g. after NOT_LEADER_OR_FOLLOWER or for topics whose leader is unknown. */
    void requestUpdate(Set<String> topics);

    /**
     * A broker's refusal to authenticate the producer that still stands (no connection authenticated
     * since), or {@code null}: while it stands, no metadata can be fetched.
     */
    default AuthenticationException authenticationFailure() {
        return null;
    }
}
