package io.sluice.it.wire;

import java.nio.ByteBuffer;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

/** Response payloads written by kafka-clients' own message classes (test scope), for crafted peers. Stateless. */
final class KafkaBytes {

    private KafkaBytes() {
    }

    /** Response header (Kafka's version for this API) and body, without the size prefix. */
    static byte[] response(ApiMessage body, short version, int correlationId) {
        ApiKeys key = ApiKeys.forId(body.apiKey());
        short headerVersion = key.responseHeaderVersion(version);
        ResponseHeaderData header = new ResponseHeaderData().setCorrelationId(correlationId);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(header.size(cache, headerVersion) + body.size(cache, version));
        ByteBufferAccessor out = new ByteBufferAccessor(buffer);
        header.write(out, cache, headerVersion);
        body.write(out, cache, version);
        return buffer.array();
    }
}
