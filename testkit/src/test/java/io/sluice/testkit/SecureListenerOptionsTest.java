package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Secured listener options and the broker keys they become; no broker is started. */
class SecureListenerOptionsTest {

    @Test
    void shouldWriteEachListenersKeysUnderItsOwnPrefix() {
        ClusterSpec spec = KafkaCluster.builder()
                .sslListener("MTLS", true)
                .saslSslListener(SaslMechanism.PLAIN, SaslMechanism.SCRAM_SHA_512)
                .plainUser("alice", "pa\"ss")
                .spec();
        TreeMap<String, Integer> ports = new TreeMap<>(Map.of("MTLS", 7101, "SASL_SSL", 7102));
        NodeSpec broker = new NodeSpec(1, NodeRole.COMBINED, 7001, 7000, Paths.get("b1")).withListenerPorts(ports);
        TestCertificates certificates = TestCertificatesTest.shared();

        Map<String, String> config = NodeConfigs.of(spec, broker, "1@127.0.0.1:7000", certificates);

        assertThat(config)
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:7001,CONTROLLER://127.0.0.1:7000,"
                        + "MTLS://127.0.0.1:7101,SASL_SSL://127.0.0.1:7102")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:7001,MTLS://127.0.0.1:7101,"
                        + "SASL_SSL://127.0.0.1:7102")
                .containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,MTLS:SSL,"
                        + "SASL_SSL:SASL_SSL")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT")
                .containsEntry("listener.name.mtls.ssl.client.auth", "required")
                .containsEntry("listener.name.mtls.ssl.keystore.location", certificates.brokerKeystore().toString())
                .containsEntry("listener.name.sasl_ssl.ssl.client.auth", "none")
                .containsEntry("listener.name.sasl_ssl.sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
                .containsEntry("listener.name.sasl_ssl.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required user_alice=\"pa\\\"ss\";")
                .containsEntry("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }

    @Test
    void shouldRefuseListenerOptionsThatCannotWork() {
        assertThatThrownBy(() -> KafkaCluster.builder().sslListener().sslListener())
                .hasMessageContaining("A listener named SSL was added already");
        assertThatThrownBy(() -> KafkaCluster.builder().saslPlaintextListener())
                .hasMessage("A SASL_PLAINTEXT listener needs at least one SASL mechanism");
        assertThatThrownBy(() -> KafkaCluster.builder().sslListener("plaintext", false))
                .hasMessageContaining("Listener name plaintext is not usable");
        assertThatThrownBy(() -> KafkaCluster.builder().saslSslListener(SaslMechanism.PLAIN).spec())
                .hasMessageContaining("no PLAIN user is defined; add plainUser(name, password)");
        assertThatThrownBy(() -> KafkaCluster.builder().plainUser("a b", "x"))
                .hasMessageContaining("PLAIN user name a b must be letters");
    }

    @Test
    void shouldWriteClientJaasConfigsInKafkasSyntax() {
        assertThat(SaslMechanism.SCRAM_SHA_256.clientJaasConfig("bob", "se\\cr\"et"))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"bob\" "
                        + "password=\"se\\\\cr\\\"et\";");
    }

    @Test
    void shouldShareAClusterOnlyBetweenEqualSecuritySpecs() {
        ClusterSpec one = KafkaCluster.builder().sslListener().spec();

        assertThat(one).isEqualTo(KafkaCluster.builder().sslListener().spec());
        assertThat(one).isNotEqualTo(KafkaCluster.builder().sslListener("SSL", true).spec());
        assertThat(one).isNotEqualTo(KafkaCluster.builder().spec());
    }

}
