package io.sluice.core.network;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Response frames written by Kafka's own message classes (kafka-clients 4.4.0, test scope), and
 * request frames read back by them: what the fake transport's "broker side" says is exactly what a
 * Kafka broker would put on the wire. Stateless.
 */
public final class KafkaFrames {

    private KafkaFrames() {
    }

    /** Header (the version Kafka uses for {@code body}'s API) and body, as a broker frames a response. */
    public static ByteBuffer response(ApiMessage body, short version, int correlationId) {
        ApiKeys key = ApiKeys.forId(body.apiKey());
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        short headerVersion = key.responseHeaderVersion(version);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(header.size(cache, headerVersion) + body.size(cache, version));
        ByteBufferAccessor out = new ByteBufferAccessor(buffer);
        header.write(out, cache, headerVersion);
        body.write(out, cache, version);
        buffer.flip();
        return buffer;
    }

    /** Kafka's reading of a request frame the client wrote. */
    public static AbstractRequest request(FakeTransport.SentFrame frame) {
        ByteBuffer buffer = ByteBuffer.wrap(frame.bytes());
        RequestHeader header = RequestHeader.parse(buffer);
        return AbstractRequest.parseRequest(header.apiKey(), header.apiVersion(), new ByteBufferAccessor(buffer)).request;
    }

    /** Kafka's reading of a request frame's header. */
    public static RequestHeader header(FakeTransport.SentFrame frame) {
        return RequestHeader.parse(ByteBuffer.wrap(frame.bytes()));
    }

    /** The ranges a Kafka 4.4 broker advertises for the APIs Sluice uses. */
    public static ApiVersionsResponseData kafka44Versions() {
        return versions(range(0, 0, 13), range(3, 0, 13), range(18, 0, 4), range(22, 0, 5));
    }

    /** {@link #kafka44Versions()} plus SaslHandshake v0–v1 and SaslAuthenticate v0–v2, as on a SASL listener. */
    public static ApiVersionsResponseData kafka44SaslVersions() {
        return versions(range(0, 0, 13), range(3, 0, 13), range(17, 0, 1), range(18, 0, 4), range(22, 0, 5), range(36, 0, 2));
    }

    public static ApiVersionsResponseData versions(ApiVersionsResponseData.ApiVersion... ranges) {
        ApiVersionsResponseData data = new ApiVersionsResponseData().setErrorCode((short) 0);
        for (ApiVersionsResponseData.ApiVersion range : ranges) {
            data.apiKeys().add(range.duplicate());
        }
        return data;
    }

    public static ApiVersionsResponseData.ApiVersion range(int key, int min, int max) {
        return new ApiVersionsResponseData.ApiVersion().setApiKey((short) key).setMinVersion((short) min).setMaxVersion((short) max);
    }

    /** A successful ApiVersions answer from a Kafka 4.4 broker to the request in {@code frame}. */
    public static ByteBuffer apiVersionsAnswer(FakeTransport.SentFrame frame) {
        return response(kafka44Versions(), frame.apiVersion(), frame.correlationId());
    }

    /** A metadata response under construction. */
    public static MetadataBuilder metadata() {
        return new MetadataBuilder();
    }

    /** Builds a metadata response with Kafka's message class. */
    public static final class MetadataBuilder {
        private final MetadataResponseData data = new MetadataResponseData().setClusterId("test-cluster").setControllerId(1);

        public MetadataBuilder broker(int id, String host, int port) {
            data.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(id).setHost(host).setPort(port));
            return this;
        }

        /** A topic whose partitions 0..n-1 are led by {@code leaders[i]} at {@code epoch}, replicated on the leader only. */
        public MetadataBuilder topic(String name, Uuid id, int epoch, int... leaders) {
            MetadataResponseData.MetadataResponseTopic topic = new MetadataResponseData.MetadataResponseTopic()
                    .setName(name).setTopicId(id).setErrorCode((short) 0);
            for (int i = 0; i < leaders.length; i++) {
                List<Integer> replicas = leaders[i] < 0 ? List.of() : List.of(leaders[i]);
                topic.partitions().add(new MetadataResponseData.MetadataResponsePartition().setPartitionIndex(i)
                        .setLeaderId(leaders[i]).setLeaderEpoch(epoch).setReplicaNodes(new ArrayList<>(replicas))
                        .setIsrNodes(new ArrayList<>(replicas))
                        .setErrorCode(leaders[i] < 0 ? Errors.LEADER_NOT_AVAILABLE.code() : 0));
            }
            data.topics().add(topic);
            return this;
        }

        public MetadataBuilder topic(String name, int epoch, int... leaders) {
            return topic(name, Uuid.randomUuid(), epoch, leaders);
        }

        public MetadataBuilder topicError(String name, Errors error) {
            data.topics().add(new MetadataResponseData.MetadataResponseTopic().setName(name).setErrorCode(error.code()));
            return this;
        }

        public MetadataBuilder errorCode(Errors error) {
            data.setErrorCode(error.code());
            return this;
        }

        public MetadataResponseData data() {
            return data;
        }

        /** The response to the request in {@code frame}, at its version. */
        public ByteBuffer answer(FakeTransport.SentFrame frame) {
            return response(data, frame.apiVersion(), frame.correlationId());
        }
    }
}
