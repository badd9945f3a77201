package io.sluice.core.network;

import io.sluice.api.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MetadataUpdates} for connection-layer tests: a broker list the test sets, no refreshes,
 * and a record of the disconnects reported. Used from the test thread only.
 */
final class StaticNodes implements MetadataUpdates {

    List<Node> nodes = new ArrayList<>();
    boolean updateDue;
    final List<Integer> disconnectedIds = new ArrayList<>();
    final List<RuntimeException> disconnectCauses = new ArrayList<>();
    final List<Integer> readyIds = new ArrayList<>();

    @Override
    public List<Node> nodes() {
        return nodes;
    }

    @Override
    public long maybeUpdate(long nowMs, MetadataChannel channel) {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean isUpdateDue(long nowMs) {
        return updateDue;
    }

    @Override
    public void onDisconnect(int nodeId, RuntimeException cause, long nowMs) {
        disconnectedIds.add(nodeId);
        if (cause != null) {
            disconnectCauses.add(cause);
        }
    }

    @Override
    public void onConnectionReady(int nodeId, long nowMs) {
        readyIds.add(nodeId);
    }
}
