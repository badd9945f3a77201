package io.sluice.core.send;

import io.sluice.api.Node;
import io.sluice.api.errors.AuthenticationException;
import io.sluice.core.network.ClientRequest;
import io.sluice.core.network.ClientResponse;
import io.sluice.core.network.KafkaClient;
import io.sluice.core.protocol.ApiKeys;
import io.sluice.core.protocol.ProduceRequest;
import io.sluice.core.protocol.ProduceResponse;
import io.sluice.core.protocol.ResponseBody;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link KafkaClient} whose connections are always ready and whose requests wait until the test
 * answers them: a collaborator stand-in for unit-testing the sender's decisions (end-to-end tests use
 * the real client and a real broker). Test thread only.
 */
final class ScriptedClient implements KafkaClient {

    final Deque<ClientRequest> sent = new ArrayDeque<>();
    final List<ClientRequest> all = new ArrayList<>();
    boolean closed;
    Node leastLoaded;
    /** The timeout of every poll, in order. */
    final List<Long> pollTimeouts = new ArrayList<>();
    /** Brokers whose last connection attempt failed authentication: never ready. */
    final Map<Integer, AuthenticationException> refused = new HashMap<>();

    @Override
    public boolean ready(Node node, long nowMs) {
        return !refused.containsKey(node.id());
    }

    @Override
    public Map<Integer, AuthenticationException> authenticationFailures() {
        return Map.copyOf(refused);
    }

    @Override
    public boolean isReady(int nodeId, long nowMs) {
        return true;
    }

    @Override
    public long connectionDelay(Node node, long nowMs) {
        return 0;
    }

    @Override
    public boolean connectionFailed(int nodeId) {
        return false;
    }

    @Override
    public int inFlightRequestCount(int nodeId) {
        return (int) sent.stream().filter(r -> r.nodeId() == nodeId).count();
    }

    @Override
    public boolean hasInFlightRequests() {
        return !sent.isEmpty();
    }

    @Override
    public short apiVersion(int nodeId, ApiKeys api, short maxVersion) {
        return (short) Math.min(maxVersion, 9);
    }

    @Override
    public void send(ClientRequest request, long nowMs) {
        all.add(request);
        if (request.expectResponse()) {
            sent.addLast(request);
        } else {
            request.handler().onComplete(new ClientResponse(request, nowMs, null, null));
        }
    }

    @Override
    public void poll(long timeoutMs, long nowMs) {
        pollTimeouts.add(timeoutMs);
    }

    @Override
    public Node leastLoadedNode(long nowMs) {
        return leastLoaded;
    }

    @Override
    public void disconnect(int nodeId) {
    }

    @Override
    public void wakeup() {
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The oldest unanswered request. */
    ClientRequest next() {
        ClientRequest r = sent.pollFirst();
        if (r == null) {
            throw new AssertionError("no request was sent");
        }
        return r;
    }

    /** Answers every partition of {@code request} with {@code errorCode} (base offset {@code baseOffset} on success). */
    static void answer(ClientRequest request, short errorCode, long baseOffset, long nowMs) {
        ProduceRequest body = (ProduceRequest) request.body();
        List<ProduceResponse.TopicResponse> topics = new ArrayList<>();
        for (ProduceRequest.TopicData t : body.topics()) {
            List<ProduceResponse.PartitionResponse> parts = new ArrayList<>();
            for (ProduceRequest.PartitionData p : t.partitions()) {
                parts.add(new ProduceResponse.PartitionResponse(p.index(), errorCode, errorCode == 0 ? baseOffset : -1, -1, -1,
                        List.of(), null, ProduceResponse.CurrentLeader.UNKNOWN));
            }
            topics.add(new ProduceResponse.TopicResponse(t.name(), t.topicId(), parts));
        }
        ResponseBody response = new ProduceResponse(topics, 0, List.of());
        request.handler().onComplete(new ClientResponse(request, nowMs, response, null));
    }

    /** Fails {@code request} without a response (disconnect, timeout). */
    static void fail(ClientRequest request, RuntimeException cause, long nowMs) {
        request.handler().onComplete(new ClientResponse(request, nowMs, null, cause));
    }
}
