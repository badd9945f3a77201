package io.sluice.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One listener a cluster's brokers open beside PLAINTEXT: its name, its security protocol, whether it requires a
 * client certificate, and which SASL mechanisms it enables. A value, so equal cluster specs share a cluster.
 *
 * @param name                      the listener name, upper case (e.g. {@code SSL}, {@code SASL_SSL}, {@code MTLS})
 * @param protocol                  {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param requireClientCertificate  {@code ssl.client.auth=required} (TLS listeners only)
 * @param mechanisms                SASL mechanisms enabled (SASL listeners only; at least one)
 */
record ListenerSpec(String name, String protocol, boolean requireClientCertificate, List<SaslMechanism> mechanisms) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    ListenerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        mechanisms = List.copyOf(mechanisms);
        if (!NAME.matcher(name).matches() || name.equals(NodeConfigs.BROKER_LISTENER)
                || name.equals(NodeConfigs.CONTROLLER_LISTENER) || name.equals(NodeConfigs.INTERNAL_LISTENER)) {
            throw new IllegalArgumentException("Listener name " + name + " is not usable: use upper-case letters, digits "
                    + "and _, and not " + NodeConfigs.BROKER_LISTENER + ", " + NodeConfigs.CONTROLLER_LISTENER + " or "
                    + NodeConfigs.INTERNAL_LISTENER + " (the testkit's own listeners)");
        }
        boolean sasl = protocol.startsWith("SASL_");
        if (sasl == mechanisms.isEmpty()) {
            throw new IllegalArgumentException(sasl
                    ? "A " + protocol + " listener needs at least one SASL mechanism"
                    : "A " + protocol + " listener has no SASL mechanisms");
        }
        if (requireClientCertificate && !protocol.endsWith("SSL")) {
            throw new IllegalArgumentException("A " + protocol + " listener has no TLS, so no client certificate");
        }
    }

    boolean usesTls() {
        return protocol.endsWith("SSL");
    }

    boolean usesSasl() {
        return protocol.startsWith("SASL_");
    }

    /** The prefix of this listener's own broker keys: {@code listener.name.sasl_ssl.}. */
    String configPrefix() {
        return "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
    }
}
