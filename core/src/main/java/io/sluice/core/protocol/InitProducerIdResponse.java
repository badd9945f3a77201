package io.sluice.core.protocol;

/**
 * InitProducerId response (key 22), v0–v5 ({@code InitProducerIdResponse.json}); flexible from v2.
 *
 * <pre>
 *   int32 throttle_time_ms, int16 error_code, int64 producer_id, int16 producer_epoch, tagged fields (v2+)
 * </pre>
 *
 * @param throttleTimeMs quota throttle, ms
 * @param errorCode      0 for none; see {@link Errors}
 * @param producerId     the producer id to use, −1 on error
 * @param producerEpoch  its epoch
 */
public record InitProducerIdResponse(int throttleTimeMs, short errorCode, long producerId, short producerEpoch)
        implements ResponseBody {

    static InitProducerIdResponse read(ProtocolReader in) {
        InitProducerIdResponse response = new InitProducerIdResponse(in.int32("throttle_time_ms"), in.int16("error_code"),
                in.int64("producer_id"), in.int16("producer_epoch"));
        if (in.flexible()) {
            in.skipTaggedFields("tagged fields");
        }
        return response;
    }
}
