package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.types.RawTaggedField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SaslHandshake v1 and SaslAuthenticate v0–v2, byte for byte against kafka-clients 4.4.0's message classes. */
class SaslCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI"})
    void shouldEncodeTheHandshakeLikeKafka(String mechanism) {
        SaslHandshakeRequestData kafka = new SaslHandshakeRequestData().setMechanism(mechanism);

        byte[] ours = RequestFrames.encode(ApiKeys.SASL_HANDSHAKE, (short) 1, 7, "client-1", new SaslHandshakeRequest(mechanism))
                .toByteArray();

        assertThat(ours).isEqualTo(KafkaOracle.request(kafka, (short) 1, 7, "client-1"));
    }

    @Test
    void shouldNotSpeakHandshakeV0WhichKafka4Removed() {
        assertThatThrownBy(() -> RequestFrames.encode(ApiKeys.SASL_HANDSHAKE, (short) 0, 1, "c", new SaslHandshakeRequest("PLAIN")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SaslHandshake v0 is outside");
    }

    @Test
    void shouldDecodeTheBrokersHandshakeAnswerWithItsMechanisms() {
        SaslHandshakeResponseData kafka = new SaslHandshakeResponseData().setErrorCode((short) 33)
                .setMechanisms(List.of("PLAIN", "SCRAM-SHA-512"));

        ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(ApiKeys.SASL_HANDSHAKE, (short) 1,
                KafkaOracle.response(kafka, (short) 1, 42));

        assertThat(parsed.correlationId()).isEqualTo(42);
        assertThat(parsed.body()).isEqualTo(new SaslHandshakeResponse((short) 33, List.of("PLAIN", "SCRAM-SHA-512")));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void shouldEncodeTokensOfEverySizeLikeKafka(short version) {
        Random random = new Random(version);
        for (int size : new int[] {0, 1, 126, 127, 128, 300, 16_384}) {
            byte[] token = new byte[size];
            random.nextBytes(token);
            SaslAuthenticateRequestData kafka = new SaslAuthenticateRequestData().setAuthBytes(token);

            byte[] ours = RequestFrames.encode(ApiKeys.SASL_AUTHENTICATE, version, -3, null, new SaslAuthenticateRequest(token))
                    .toByteArray();

            assertThat(ours).as("%d bytes at v%d", size, version).isEqualTo(KafkaOracle.request(kafka, version, -3, null));
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void shouldDecodeWhatABrokerAnswersToAuthenticateAtEveryVersion(short version) {
        byte[] serverFirst = "r=abc,s=c2FsdA==,i=4096".getBytes(StandardCharsets.UTF_8);
        SaslAuthenticateResponseData kafka = new SaslAuthenticateResponseData().setErrorCode((short) 0).setErrorMessage(null)
                .setAuthBytes(serverFirst).setSessionLifetimeMs(3_000L);
        if (version >= 2) {
            kafka.unknownTaggedFields().add(new RawTaggedField(5, new byte[] {9, 9}));
        }

        ResponseFrames.ParsedResponse parsed = ResponseFrames.parse(ApiKeys.SASL_AUTHENTICATE, version,
                KafkaOracle.response(kafka, version, 11));

        long lifetime = version >= 1 ? 3_000L : 0L; // v0 has no session lifetime
        assertThat(parsed.body()).isEqualTo(new SaslAuthenticateResponse((short) 0, null, serverFirst, lifetime));
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2})
    void shouldDecodeARefusalWithTheBrokersMessage(short version) {
        SaslAuthenticateResponseData kafka = new SaslAuthenticateResponseData().setErrorCode((short) 58)
                .setErrorMessage("Authentication failed: Invalid username or password").setAuthBytes(new byte[0]);

        SaslAuthenticateResponse answer = (SaslAuthenticateResponse) ResponseFrames.parse(ApiKeys.SASL_AUTHENTICATE, version,
                KafkaOracle.response(kafka, version, 1)).body();

        assertThat(answer.errorCode()).isEqualTo((short) 58);
        assertThat(answer.errorMessage()).isEqualTo("Authentication failed: Invalid username or password");
        assertThat(answer.authBytes()).isEmpty();
    }

    @Test
    void shouldNeverShowTheTokenWhichMayHoldAPassword() {
        byte[] plain = "\0alice\0s3cret-password".getBytes(StandardCharsets.UTF_8);

        assertThat(new SaslAuthenticateRequest(plain).toString()).isEqualTo("SaslAuthenticateRequest[22 bytes]")
                .doesNotContain("s3cret");
        assertThat(new SaslAuthenticateResponse((short) 0, null, plain, 0).toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldCopyTheTokenSoTheCallerCannotChangeASentRequest() {
        byte[] token = {1, 2, 3};
        SaslAuthenticateRequest request = new SaslAuthenticateRequest(token);
        token[0] = 9;
        request.authBytes()[1] = 9;

        assertThat(request.authBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void shouldRefuseATokenLongerThanTheFrame() {
        ByteBuffer frame = ByteBuffer.allocate(4 + 2 + 2 + 4 + 1);
        frame.putInt(1).putShort((short) 0).putShort((short) -1).putInt(100).put((byte) 1).flip();

        assertThatThrownBy(() -> ResponseFrames.parse(ApiKeys.SASL_AUTHENTICATE, (short) 0, frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("auth_bytes declares 100 bytes, but only 1 remain");
    }
}
