package io.sluice.core.network;

import static io.sluice.api.config.ProducerConfig.SECURITY_PROTOCOL_CONFIG;

import io.sluice.api.Node;
import io.sluice.core.config.ProducerSettings;
import io.sluice.core.protocol.NegotiatedVersions;
import io.sluice.core.security.SaslSettings;
import java.util.Locale;
import java.util.Objects;

/**
 * Authenticates every connection with SASL (security.protocol {@code SASL_PLAINTEXT} or
 * {@code SASL_SSL}): each connection, and each re-authentication, gets a fresh {@link SaslExchange}
 * with a fresh mechanism client. Immutable; {@link #begin} runs on the sender thread.
 */
public final class SaslAuthenticator implements Authenticator {

    private final SaslSettings settings;

    public SaslAuthenticator(SaslSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The authenticator a producer's {@code security.protocol} calls for: SASL for {@code SASL_*},
     * {@link Authenticator#NONE} otherwise (TLS itself is the transport's).
     *
     * @throws io.sluice.api.errors.ConfigException if the SASL settings are unusable
     */
    public static Authenticator forProducer(ProducerSettings s) {
        String protocol = s.getString(SECURITY_PROTOCOL_CONFIG).trim().toUpperCase(Locale.ROOT);
        if (!protocol.startsWith("SASL_")) {
            return Authenticator.NONE;
        }
        return new SaslAuthenticator(SaslSettings.from(protocol, s.getString(SaslSettings.MECHANISM_KEY),
                s.isSet(SaslSettings.MECHANISM_KEY), s.getString(SaslSettings.JAAS_CONFIG_KEY)));
    }

    @Override
    public AuthenticationExchange begin(Node node, NegotiatedVersions versions) {
        return new SaslExchange(node, settings.newClient(), versions, false);
    }

    @Override
    public AuthenticationExchange reauthenticate(Node node, NegotiatedVersions versions) {
        return new SaslExchange(node, settings.newClient(), versions, true);
    }

    @Override
    public String toString() {
        return "SaslAuthenticator[" + settings + "]";
    }
}
