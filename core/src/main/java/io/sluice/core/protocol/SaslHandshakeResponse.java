package io.sluice.core.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * SaslHandshake response (key 17), v1 ({@code SaslHandshakeResponse.json}).
 *
 * <pre>
 *   int16    error_code    UNSUPPORTED_SASL_MECHANISM (33) if the listener does not enable the mechanism,
 *                          ILLEGAL_SASL_STATE (34) if the listener does not use SASL at all
 *   [string] mechanisms    the mechanisms the listener enables
 * </pre>
 *
 * @param errorCode  0 for none; see {@link Errors}
 * @param mechanisms the mechanisms the broker's listener enables
 */
public record SaslHandshakeResponse(short errorCode, List<String> mechanisms) implements ResponseBody {

    public SaslHandshakeResponse {
        mechanisms = List.copyOf(mechanisms);
    }

    /** SaslHandshake has no throttle field. */
    @Override
    public int throttleTimeMs() {
        return 0;
    }

    static SaslHandshakeResponse read(ProtocolReader in) {
        short errorCode = in.int16("error_code");
        int count = in.arrayLength(2, "mechanisms");
        List<String> mechanisms = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            mechanisms.add(in.string("mechanisms[" + i + "]"));
        }
        return new SaslHandshakeResponse(errorCode, mechanisms);
    }
}
