package io.sluice.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.security.SaslClient;
import io.sluice.core.security.SaslSettings;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import org.apache.kafka.common.security.authenticator.CredentialCache;
import org.apache.kafka.common.security.plain.PlainAuthenticateCallback;
import org.apache.kafka.common.security.plain.internals.PlainSaslServer;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.common.security.scram.internals.ScramSaslServer;
import org.apache.kafka.common.security.scram.internals.ScramServerCallbackHandler;
import org.apache.kafka.common.security.token.delegation.internals.DelegationTokenCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sluice's SASL clients, configured from Kafka's client properties, against Kafka's own SASL servers
 * (kafka-clients 4.4.0, in process): the mechanism bytes a broker checks, without a network.
 */
class SaslMechanismsMatchKafkaTest {

    private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-256", "SCRAM-SHA-512"})
    void shouldLogInToKafkasScramServerWithNamesAndPasswordsThatNeedEscaping(String mechanism) throws Exception {
        String user = "svc=orders,eu";           // '=' and ',' travel as =3D and =2C
        String password = "pä\"ss wörd,=✓\\";     // UTF-8 as is, no SASLprep, as Kafka
        ScramSaslServer server = scramServer(mechanism, user, password);
        SaslClient client = settings(mechanism, SCRAM_MODULE, user, password).newClient();

        byte[] serverFirst = server.evaluateResponse(client.initialResponse());
        byte[] serverFinal = server.evaluateResponse(client.evaluateChallenge(serverFirst));

        assertThat(client.evaluateChallenge(serverFinal)).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThat(server.isComplete()).isTrue();
        assertThat(server.getAuthorizationID()).isEqualTo(user);
    }

    @Test
    void shouldBeRefusedByKafkasScramServerWithAWrongPassword() throws Exception {
        ScramSaslServer server = scramServer("SCRAM-SHA-512", "alice", "right");
        SaslClient client = settings("SCRAM-SHA-512", SCRAM_MODULE, "alice", "wrong").newClient();
        byte[] clientFinal = client.evaluateChallenge(server.evaluateResponse(client.initialResponse()));

        assertThatThrownBy(() -> server.evaluateResponse(clientFinal))
                .isInstanceOf(javax.security.sasl.SaslException.class).hasMessageContaining("Invalid client credentials");
        assertThat(server.isComplete()).isFalse();
    }

    @Test
    void shouldLogInToKafkasPlainServer() throws Exception {
        String[] checked = new String[2];
        PlainSaslServer server = new PlainSaslServer((Callback[] callbacks) -> {
            for (Callback c : callbacks) {
                if (c instanceof NameCallback name) {
                    checked[0] = name.getDefaultName();
                } else if (c instanceof PlainAuthenticateCallback plain) {
                    checked[1] = new String(plain.password());
                    plain.authenticated(true);
                }
            }
        });
        SaslClient client = settings("PLAIN", PLAIN_MODULE, "jürgen", "s3cret ✓").newClient();

        byte[] answer = server.evaluateResponse(client.initialResponse());

        assertThat(answer).isEmpty();
        assertThat(checked).containsExactly("jürgen", "s3cret ✓");
        assertThat(server.getAuthorizationID()).isEqualTo("jürgen");
        assertThat(client.evaluateChallenge(answer)).isNull();
    }

    private static SaslSettings settings(String mechanism, String module, String user, String password) {
        String quoted = password.replace("\\", "\\\\").replace("\"", "\\\"");
        return SaslSettings.from("SASL_SSL", mechanism, true,
                module + " required username=\"" + user + "\" password=\"" + quoted + "\";");
    }

    private static ScramSaslServer scramServer(String mechanism, String user, String password) throws Exception {
        ScramMechanism kafkaMechanism = ScramMechanism.forMechanismName(mechanism);
        ScramCredential credential = new ScramFormatter(kafkaMechanism).generateCredential(password, 4096);
        CredentialCache.Cache<ScramCredential> cache = new CredentialCache().createCache(mechanism, ScramCredential.class);
        cache.put(user, credential);
        ScramServerCallbackHandler handler = new ScramServerCallbackHandler(cache,
                new DelegationTokenCache(ScramMechanism.mechanismNames()));
        return new ScramSaslServer(kafkaMechanism, Map.of(), handler);
    }
}
