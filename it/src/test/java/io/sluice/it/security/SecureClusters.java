package io.sluice.it.security;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterBuilder;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.SaslMechanism;
import java.util.HashMap;
import java.util.Map;

/**
 * The one secured cluster the security tests share (equal configurations share a cluster per fork):
 * a TLS listener, a mutual-TLS listener, SASL_PLAINTEXT with PLAIN and both SCRAMs, SASL_SSL with
 * PLAIN and SCRAM-SHA-512, and a SASL_PLAINTEXT listener {@value #REAUTH} whose sessions last 3 s
 * ({@code connections.max.reauth.ms}), for KIP-368 re-authentication. PLAIN user {@value #ALICE};
 * SCRAM user {@value #BOB} for both SCRAMs (created by {@link #createUsers}).
 */
final class SecureClusters {

    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "alice-secret";
    static final String BOB = "bob";
    static final String BOB_PASSWORD = "bob-s3cret,=\"with\\quotes\"";
    static final String REAUTH = "REAUTH";
    /** How long the {@value #REAUTH} listener's sessions last. */
    static final long REAUTH_SESSION_MS = 3_000;

    private SecureClusters() {
    }

    static KafkaClusterBuilder builder() {
        return KafkaCluster.builder()
                .sslListener()
                .sslListener("MTLS", true)
                .saslPlaintextListener(SaslMechanism.values())
                .saslSslListener(SaslMechanism.PLAIN, SaslMechanism.SCRAM_SHA_512)
                .saslPlaintextListener(REAUTH, SaslMechanism.PLAIN, SaslMechanism.SCRAM_SHA_256)
                .property("listener.name.reauth.connections.max.reauth.ms", Long.toString(REAUTH_SESSION_MS))
                .plainUser(ALICE, ALICE_PASSWORD);
    }

    static KafkaClusterExtension extension() {
        return KafkaClusterExtension.of(builder());
    }

    /** Creates (or refreshes) the SCRAM user {@value #BOB} for both mechanisms; cheap when it exists. */
    static void createUsers(KafkaCluster cluster) {
        cluster.createScramUser(BOB, BOB_PASSWORD, SaslMechanism.SCRAM_SHA_256);
        cluster.createScramUser(BOB, BOB_PASSWORD, SaslMechanism.SCRAM_SHA_512);
    }

    /** Sluice producer settings: a Kafka client's properties for a listener, plus String serializers and {@code extra}. */
    static Map<String, Object> producerConfig(Map<String, Object> clientConfig, Object... extra) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("key.serializer", "string");
        config.put("value.serializer", "string");
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }
}
