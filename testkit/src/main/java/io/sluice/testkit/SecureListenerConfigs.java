package io.sluice.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the broker keys of the secured listeners (TLS, SASL) of a cluster: each listener's own keys under its
 * {@code listener.name.<name>.} prefix, so listeners can differ (one requiring client certificates, one not).
 * <ul>
 *   <li>TLS: {@code ssl.keystore.*} (the broker certificate), {@code ssl.truststore.*} (the CA, to check client
 *       certificates), {@code ssl.client.auth} ({@code required} or {@code none});</li>
 *   <li>SASL: {@code sasl.enabled.mechanisms}, and per mechanism {@code <mechanism>.sasl.jaas.config}: PLAIN with a
 *       {@code user_<name>="<password>"} option per user, SCRAM with none (its users live in the cluster metadata,
 *       created through the Admin API).</li>
 * </ul>
 * Inter-broker traffic stays on PLAINTEXT. Stateless.
 */
final class SecureListenerConfigs {

    private SecureListenerConfigs() {
    }

    /** {@code ,SSL:SSL,SASL_SSL:SASL_SSL,...} for {@code listener.security.protocol.map}. */
    static String protocolMapEntries(SecuritySpec security) {
        return security.listeners().stream().map(l -> "," + l.name() + ":" + l.protocol()).collect(Collectors.joining());
    }

    /** {@code ,SSL://127.0.0.1:port,...} for {@code listeners} and {@code advertised.listeners}. */
    static String listenerEntries(NodeSpec node) {
        return node.listenerPorts().entrySet().stream()
                .map(e -> "," + e.getKey() + "://127.0.0.1:" + e.getValue()).collect(Collectors.joining());
    }

    /** The keys of every secured listener. */
    static Map<String, String> of(SecuritySpec security, TestCertificates certificates) {
        Map<String, String> config = new LinkedHashMap<>();
        for (ListenerSpec listener : security.listeners()) {
            String prefix = listener.configPrefix();
            if (listener.usesTls()) {
                if (certificates == null) {
                    throw new IllegalStateException("Listener " + listener.name() + " uses TLS but no certificates "
                            + "were made");
                }
                config.put(prefix + "ssl.keystore.location", certificates.brokerKeystore().toString());
                config.put(prefix + "ssl.keystore.password", TestCertificates.PASSWORD);
                config.put(prefix + "ssl.keystore.type", "PKCS12");
                config.put(prefix + "ssl.key.password", TestCertificates.PASSWORD);
                config.put(prefix + "ssl.truststore.location", certificates.truststore().toString());
                config.put(prefix + "ssl.truststore.password", TestCertificates.PASSWORD);
                config.put(prefix + "ssl.truststore.type", "PKCS12");
                config.put(prefix + "ssl.client.auth", listener.requireClientCertificate() ? "required" : "none");
            }
            if (listener.usesSasl()) {
                config.put(prefix + "sasl.enabled.mechanisms", listener.mechanisms().stream()
                        .map(SaslMechanism::mechanismName).collect(Collectors.joining(",")));
                for (SaslMechanism mechanism : listener.mechanisms()) {
                    config.put(prefix + mechanism.configPrefix() + ".sasl.jaas.config", brokerJaas(mechanism, security));
                }
            }
        }
        return config;
    }

    private static String brokerJaas(SaslMechanism mechanism, SecuritySpec security) {
        if (mechanism.isScram()) {
            return mechanism.loginModule() + " required;";
        }
        StringBuilder jaas = new StringBuilder(mechanism.loginModule()).append(" required");
        security.plainUsers().forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
                .append(SaslMechanism.jaasQuoted(password)).append('"'));
        return jaas.append(';').toString();
    }
}
