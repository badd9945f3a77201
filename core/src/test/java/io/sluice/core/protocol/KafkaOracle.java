package io.sluice.core.protocol;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

/** Frames written by Kafka's generated message classes (kafka-clients 4.4.0): the oracle for golden bytes. */
final class KafkaOracle {

    private KafkaOracle() {
    }

    /** Header and body of a request, as Kafka's client would put them in a frame (without the size prefix). */
    static byte[] request(ApiMessage body, short version, int correlationId, String clientId) {
        org.apache.kafka.common.protocol.ApiKeys key = org.apache.kafka.common.protocol.ApiKeys.forId(body.apiKey());
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(body.apiKey()).setRequestApiVersion(version)
                .setCorrelationId(correlationId).setClientId(clientId);
        return write(header, key.requestHeaderVersion(version), body, version);
    }

    /** Header and body of a response, as a Kafka broker would frame it (without the size prefix). */
    static ByteBuffer response(ApiMessage body, short version, int correlationId) {
        org.apache.kafka.common.protocol.ApiKeys key = org.apache.kafka.common.protocol.ApiKeys.forId(body.apiKey());
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        return ByteBuffer.wrap(write(header, key.responseHeaderVersion(version), body, version));
    }

    /** A response body written at {@code writeVersion} after a header chosen for {@code headerForVersion}. */
    static ByteBuffer responseAs(ApiMessage body, short writeVersion, short headerVersion, int correlationId) {
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        return ByteBuffer.wrap(write(header, headerVersion, body, writeVersion));
    }

    static byte[] write(Message header, short headerVersion, Message body, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int size = header.size(cache, headerVersion) + body.size(cache, version);
        ByteBuffer buffer = ByteBuffer.allocate(size);
        ByteBufferAccessor accessor = new ByteBufferAccessor(buffer);
        header.write(accessor, cache, headerVersion);
        body.write(accessor, cache, version);
        if (buffer.hasRemaining()) {
            throw new AssertionError("Kafka sized " + size + " bytes but wrote " + buffer.position());
        }
        return buffer.array();
    }

    /** Kafka's message re-read at {@code version}: what survives of it on the wire at that version. */
    static <T extends Message> T roundTrip(T body, short version, java.util.function.BiFunction<ByteBufferAccessor, Short, T> reader) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(body.size(cache, version));
        body.write(new ByteBufferAccessor(buffer), cache, version);
        buffer.flip();
        return reader.apply(new ByteBufferAccessor(buffer), version);
    }

    static UUID uuid(Uuid id) {
        return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    static Uuid uuid(UUID id) {
        return new Uuid(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
}
