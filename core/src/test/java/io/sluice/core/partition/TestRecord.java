package io.sluice.core.partition;

import io.sluice.api.Headers;
import io.sluice.api.RecordHeaders;
import io.sluice.api.spi.PartitionerRecord;
import java.nio.charset.StandardCharsets;

/** A record as a partitioner sees it, for tests. */
record TestRecord(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Headers headers)
        implements PartitionerRecord {

    static TestRecord keyed(String key) {
        return keyed(key.getBytes(StandardCharsets.UTF_8));
    }

    static TestRecord keyed(byte[] keyBytes) {
        return new TestRecord(TestLayouts.TOPIC, keyBytes, keyBytes, "v", new byte[] {'v'}, new RecordHeaders());
    }

    static TestRecord keyless() {
        return new TestRecord(TestLayouts.TOPIC, null, null, "v", new byte[] {'v'}, new RecordHeaders());
    }
}
