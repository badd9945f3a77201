package io.sluice.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.SaslAuthenticationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainSaslClientTest {

    @Test
    void shouldSendAnEmptyAuthorizationIdTheUserAndThePasswordInUtf8() {
        PlainSaslClient client = new PlainSaslClient("jürgen", "pässword");

        assertThat(client.initialResponse()).isEqualTo("\0jürgen\0pässword".getBytes(StandardCharsets.UTF_8));
        assertThat(client.isComplete()).isTrue();
        assertThat(client.evaluateChallenge(new byte[0])).isNull();
    }

    @Test
    void shouldRefuseBytesFromTheBrokerWherePlainExpectsNone() {
        PlainSaslClient client = new PlainSaslClient("a", "b");
        client.initialResponse();

        assertThatThrownBy(() -> client.evaluateChallenge(new byte[] {1}))
                .isInstanceOf(SaslAuthenticationException.class)
                .hasMessageContaining("answered the PLAIN token with 1 bytes where PLAIN expects none");
    }

    @Test
    void shouldNeverShowThePassword() {
        assertThat(new PlainSaslClient("alice", "hunter2").toString()).doesNotContain("hunter2").doesNotContain("alice");
    }
}
