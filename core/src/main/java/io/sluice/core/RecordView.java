package io.sluice.core;

import io.sluice.api.Headers;
import io.sluice.api.spi.PartitionerRecord;

/** What a partitioner sees of the record being sent. Immutable; made per send. */
record RecordView(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Headers headers)
        implements PartitionerRecord {
}
