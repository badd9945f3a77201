package io.sluice.transport.nio;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns the JDK's TLS exceptions into messages a user can act on: what went wrong, in words, the
 * JDK's own text in parentheses, and the configuration key to check. The JDK reports most causes
 * only in its message text (alerts, host name checks), so that text is read here, in one place.
 * Messages never contain passwords or key material (the JDK's do not). Stateless.
 */
final class SslErrors {

    private static final Pattern ALERT = Pattern.compile("received fatal alert: ([a-z_]+)");

    private SslErrors() {
    }

    /**
     * A failure during the handshake.
     *
     * @param peer   "host:port" as connected to
     * @param config which keys to name
     */
    static SslHandshakeFailure handshakeFailed(String peer, SSLException e, SslConfig config) {
        return new SslHandshakeFailure(prefix(peer) + reason(e, config), e);
    }

    /**
     * A failure after the client's side of the handshake finished. With TLS 1.3 the client is done
     * before the broker has checked the client's certificate, so a refused certificate arrives as
     * an alert on the first read: that, and any other handshake alert, is an authentication
     * failure; anything else (a corrupt record) is an ordinary I/O failure.
     */
    static SSLException afterHandshake(String peer, SSLException e, SslConfig config) {
        if (e instanceof SslHandshakeFailure) {
            return e;
        }
        if (e instanceof SSLHandshakeException || alertOf(e) != null) {
            return handshakeFailed(peer, e, config);
        }
        SSLException wrapped = new SSLException("TLS failure on the connection to " + peer + ": " + e.getMessage());
        wrapped.initCause(e);
        return wrapped;
    }

    /** The peer closed TCP in the middle of the handshake. */
    static SslHandshakeFailure closedDuringHandshake(String peer, boolean peerSentBytes) {
        String reason = peerSentBytes
                ? "the broker closed the connection in the middle of the TLS handshake; check the broker's log for "
                        + "why (its listener's ssl.* settings, or a client certificate it refused)"
                : "the broker closed the connection without answering the TLS handshake: the listener probably "
                        + "does not speak TLS (a PLAINTEXT or SASL_PLAINTEXT listener); check that security.protocol "
                        + "(SSL or SASL_SSL here) matches the listener at that port";
        return new SslHandshakeFailure(prefix(peer) + reason, null);
    }

    /** The peer asked for a TLS 1.2 renegotiation, which the transport refuses. */
    static SslHandshakeFailure renegotiationRefused(String peer) {
        return new SslHandshakeFailure("TLS with " + peer + " failed: the peer asked to renegotiate the TLS session, "
                + "which Sluice refuses (renegotiation is a known attack surface, and Kafka brokers never ask for "
                + "it); check for a TLS proxy between the producer and the broker", null);
    }

    private static String prefix(String peer) {
        return "TLS handshake with " + peer + " failed: ";
    }

    private static String reason(SSLException e, SslConfig config) {
        String text = allMessages(e);
        String jdk = " (" + e.getMessage() + ")";
        String trust = config.trustStore() == null
                ? "the JVM's default trust store is in use: set ssl.truststore.location or ssl.truststore.certificates"
                : "check " + config.trustStore().keysToCheck();
        if (has(e, CertificateExpiredException.class) || text.contains("certificate expired")) {
            return "a certificate in the broker's chain has expired" + jdk + "; renew the broker's certificate";
        }
        if (has(e, CertificateNotYetValidException.class)) {
            return "a certificate in the broker's chain is not valid yet" + jdk + "; check the clocks and the certificate";
        }
        if (text.contains("no subject alternative") || text.contains("no name matching")) {
            return "the broker's certificate does not name the host " + hostOf(e) + jdk + "; connect by a name the "
                    + "certificate lists (its subject alternative names), or fix the certificate. Host name "
                    + "verification is on (" + SslConfig.ENDPOINT_IDENTIFICATION + "=" + config.endpointIdentification()
                    + "); an empty value turns it off, which is unsafe";
        }
        if (has(e, CertPathBuilderException.class) || text.contains("pkix path building failed")
                || text.contains("unable to find valid certification path")) {
            return "the broker's certificate is not trusted (PKIX path building failed: no trusted CA signed it)" + jdk
                    + "; " + trust + " (it must hold the CA that signed the broker's certificate)";
        }
        if (has(e, CertPathValidatorException.class) || text.contains("pkix path validation failed")) {
            return "the broker's certificate chain is not valid" + jdk + "; " + trust;
        }
        if (text.contains("unsupported or unrecognized ssl message") || text.contains("plaintext connection?")) {
            return "the broker did not answer with TLS" + jdk + ": the listener probably is PLAINTEXT or "
                    + "SASL_PLAINTEXT; check that security.protocol matches the listener at that port";
        }
        String alert = alertOf(e);
        if (alert != null) {
            return alertReason(alert, jdk, config);
        }
        if (text.contains("no appropriate protocol") || text.contains("is not accepted by client preferences")
                || text.contains("protocol version")) {
            return "the broker and the client share no TLS version" + jdk + "; check " + SslConfig.ENABLED_PROTOCOLS
                    + "=" + String.join(",", config.enabledProtocols()) + " and " + SslConfig.PROTOCOL + "="
                    + config.protocol() + " against the listener's ssl.enabled.protocols";
        }
        if (text.contains("cipher suite")) {
            return noCommonCipher(jdk, config);
        }
        return "the JDK reports" + jdk + "; check the ssl.* settings against the broker listener's";
    }

    private static String alertReason(String alert, String jdk, SslConfig config) {
        switch (alert) {
            case "certificate_required":
            case "bad_certificate":
            case "certificate_unknown":
            case "unknown_ca":
            case "unsupported_certificate":
            case "certificate_revoked":
            case "certificate_expired":
            case "access_denied":
                return "the broker refused the client's certificate" + jdk + ": the listener requires a client certificate (ssl.client.auth=required) and "
                        + (config.keyStore() == null
                                ? "none is configured; set ssl.keystore.location (or ssl.keystore.certificate.chain and "
                                        + "ssl.keystore.key)"
                                : "does not accept this one; check " + config.keyStore().keysToCheck()
                                        + ", and that the broker's trust store holds the CA that signed it");
            case "protocol_version":
                return "the broker and the client share no TLS version" + jdk + "; check "
                        + SslConfig.ENABLED_PROTOCOLS + "=" + String.join(",", config.enabledProtocols())
                        + " against the listener's ssl.enabled.protocols";
            case "handshake_failure":
            case "insufficient_security":
                return noCommonCipher(jdk, config);
            default:
                return "the broker ended the handshake with a TLS alert" + jdk
                        + "; check the ssl.* settings against the broker listener's";
        }
    }

    private static String noCommonCipher(String jdk, SslConfig config) {
        return "the broker and the client share no cipher suite for the TLS versions they share" + jdk + "; check "
                + SslConfig.CIPHER_SUITES + "=" + (config.cipherSuites().isEmpty() ? "(the JVM's defaults)"
                        : String.join(",", config.cipherSuites())) + " and " + SslConfig.ENABLED_PROTOCOLS + "="
                + String.join(",", config.enabledProtocols()) + " against the listener's";
    }

    /** The TLS alert named in the exception's messages, such as {@code bad_certificate}, or null. */
    private static String alertOf(Throwable e) {
        Matcher matcher = ALERT.matcher(allMessages(e));
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String hostOf(SSLException e) {
        Matcher matcher = Pattern.compile("matching (?:ip address )?([^ ]+) found").matcher(allMessages(e));
        return matcher.find() ? matcher.group(1) : "connected to";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String allMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
