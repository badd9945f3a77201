package io.sluice.core.accumulate;

import io.sluice.api.Node;
import java.util.List;
import java.util.Set;

/**
 * What a readiness check found.
 *
 * @param readyNodes           brokers that lead a partition with a batch to send now, each once
 * @param nextReadyCheckDelayMs how long until some batch becomes ready (linger or backoff ends)
 * @param unknownLeaderTopics  topics with queued batches whose leader is unknown: metadata is needed
 */
public record ReadyResult(List<Node> readyNodes, long nextReadyCheckDelayMs, Set<String> unknownLeaderTopics) {
}
