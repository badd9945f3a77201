package io.sluice.core;

import io.sluice.api.errors.AuthenticationException;
import io.sluice.core.accumulate.PartitionLeaders;
import io.sluice.core.metadata.Metadata;
import io.sluice.core.send.ClusterSource;
import io.sluice.core.protocol.Uuids;
import java.util.Set;
import java.util.UUID;

/** The sender's view of {@link Metadata}: the current cluster's leaders, and refresh requests. */
final class MetadataClusterSource implements ClusterSource {

    private final Metadata metadata;

    MetadataClusterSource(Metadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public PartitionLeaders leaders() {
        return metadata.cluster();
    }

    @Override
    public UUID topicId(String topic) {
        UUID id = metadata.cluster().topicId(topic);
        return Uuids.isZero(id) ? null : id;
    }

    @Override
    public void requestUpdate(Set<String> topics) {
        metadata.requestUpdate();
    }

    @Override
    public AuthenticationException authenticationFailure() {
        return metadata.authenticationFailure();
    }
}
