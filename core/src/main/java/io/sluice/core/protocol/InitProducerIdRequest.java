package io.sluice.core.protocol;

import io.sluice.api.errors.UnsupportedVersionException;

/**
 * InitProducerId request (key 22), v0–v5 ({@code InitProducerIdRequest.json}); flexible from v2.
 *
 * <pre>
 *   nullable string transactional_id        compact v2+
 *   int32           transaction_timeout_ms
 *   int64           producer_id             v3+ (KIP-360: resume after an epoch error)
 *   int16           producer_epoch          v3+
 *   tagged fields                           v2+
 * </pre>
 *
 * An idempotent (not transactional) producer sends {@code transactionalId = null},
 * {@code producerId = -1}, {@code producerEpoch = -1}; see {@link #idempotent}.
 *
 * @param transactionalId      {@code transactional.id}, or {@code null}
 * @param transactionTimeoutMs {@code transaction.timeout.ms}
 * @param producerId           the current producer id to bump the epoch of, or −1
 * @param producerEpoch        its current epoch, or −1
 */
public record InitProducerIdRequest(String transactionalId, int transactionTimeoutMs, long producerId, short producerEpoch)
        implements RequestBody {

    /** The request of an idempotent producer without a transactional id, asking for a new producer id. */
    public static InitProducerIdRequest idempotent(int transactionTimeoutMs) {
        return new InitProducerIdRequest(null, transactionTimeoutMs, -1L, (short) -1);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INIT_PRODUCER_ID;
    }

    @Override
    public int framingSize(short version) {
        boolean flexible = ApiKeys.INIT_PRODUCER_ID.isFlexible(version);
        if (version < 3 && (producerId != -1L || producerEpoch != -1)) {
            throw new UnsupportedVersionException("InitProducerId v" + version + " cannot carry the current producer id "
                    + producerId + " and epoch " + producerEpoch + " (KIP-360 needs v3, Kafka 2.5); the broker is too old to "
                    + "bump an epoch: ask for a new producer id (-1/-1) instead");
        }
        return ProtocolWriter.sizeOfNullableString(transactionalId, flexible, "transactional.id") + 4
                + (version >= 3 ? 8 + 2 : 0) + ProtocolWriter.sizeOfTaggedFields(flexible);
    }

    @Override
    public void writeTo(ProtocolWriter out, short version) {
        boolean flexible = ApiKeys.INIT_PRODUCER_ID.isFlexible(version);
        out.nullableString(transactionalId, flexible);
        out.int32(transactionTimeoutMs);
        if (version >= 3) {
            out.int64(producerId);
            out.int16(producerEpoch);
        }
        out.taggedFields(flexible);
    }
}
