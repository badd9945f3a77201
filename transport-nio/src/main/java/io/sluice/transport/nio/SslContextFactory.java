package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the transport's one {@link SSLContext} from an {@link SslConfig}, once, when the
 * transport opens: key managers from the key store (mutual TLS), trust managers from the trust
 * store (or the JVM's default trust when none is configured), the secure random. Then checks with
 * a probe engine that every enabled protocol and cipher suite exists, so a typo fails the producer
 * at construction instead of every handshake later. Stateless.
 */
final class SslContextFactory {

    private SslContextFactory() {
    }

    /**
     * @throws ConfigException naming the key at fault when a store cannot be read, a password is
     *         wrong, or an algorithm, protocol or cipher suite is unknown to this JVM
     */
    static SSLContext create(SslConfig config) {
        SSLContext context;
        try {
            context = SSLContext.getInstance(config.protocol());
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException(SslConfig.PROTOCOL, SslConfig.PROTOCOL + "=" + config.protocol()
                    + " is not a TLS protocol this JVM offers; use TLSv1.3 (Kafka's default) or TLSv1.2", e);
        }
        KeyManager[] keyManagers = config.keyStore() == null ? null : keyManagers(config);
        TrustManager[] trustManagers = config.trustStore() == null ? null : trustManagers(config);
        try {
            context.init(keyManagers, trustManagers, secureRandom(config));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(SslConfig.PROTOCOL, "The TLS context for " + SslConfig.PROTOCOL + "="
                    + config.protocol() + " could not be set up (" + e.getMessage() + ")", e);
        }
        checkProtocolsAndCiphers(context, config);
        return context;
    }

    private static KeyManager[] keyManagers(SslConfig config) {
        KeyStoreConfig keyStore = config.keyStore();
        SslStores.Loaded loaded = SslStores.keyStore(keyStore);
        KeyManagerFactory factory;
        try {
            factory = KeyManagerFactory.getInstance(config.keyManagerAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException(SslConfig.KEY_MANAGER_ALGORITHM, SslConfig.KEY_MANAGER_ALGORITHM + "="
                    + config.keyManagerAlgorithm() + " is not a key manager algorithm this JVM knows; use "
                    + KeyManagerFactory.getDefaultAlgorithm() + " (the default) or PKIX", e);
        }
        try {
            factory.init(loaded.store(), loaded.keyPassword());
        } catch (UnrecoverableKeyException e) {
            throw SslStores.wrongKeyPassword(keyStore, e);
        } catch (KeyStoreException | NoSuchAlgorithmException e) {
            throw new ConfigException(KeyStoreConfig.LOCATION, "The client key store (" + keyStore.keysToCheck()
                    + ") cannot be used (" + e.getMessage() + ")", e);
        } finally {
            Arrays.fill(loaded.keyPassword(), '\0');
        }
        return factory.getKeyManagers();
    }

    private static TrustManager[] trustManagers(SslConfig config) {
        KeyStore store = SslStores.trustStore(config.trustStore());
        TrustManagerFactory factory;
        try {
            factory = TrustManagerFactory.getInstance(config.trustManagerAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException(SslConfig.TRUST_MANAGER_ALGORITHM, SslConfig.TRUST_MANAGER_ALGORITHM + "="
                    + config.trustManagerAlgorithm() + " is not a trust manager algorithm this JVM knows; use "
                    + TrustManagerFactory.getDefaultAlgorithm() + " (the default)", e);
        }
        try {
            factory.init(store);
        } catch (KeyStoreException e) {
            throw new ConfigException(TrustStoreConfig.LOCATION, "The trust store (" + config.trustStore().keysToCheck()
                    + ") cannot be used (" + e.getMessage() + ")", e);
        }
        return factory.getTrustManagers();
    }

    private static SecureRandom secureRandom(SslConfig config) {
        if (config.secureRandomImplementation() == null) {
            return null;
        }
        try {
            return SecureRandom.getInstance(config.secureRandomImplementation());
        } catch (NoSuchAlgorithmException e) {
            throw new ConfigException(SslConfig.SECURE_RANDOM, SslConfig.SECURE_RANDOM + "="
                    + config.secureRandomImplementation() + " is not a SecureRandom algorithm this JVM knows; "
                    + "use e.g. SHA1PRNG or DRBG, or remove the key for the JVM's default", e);
        }
    }

    private static void checkProtocolsAndCiphers(SSLContext context, SslConfig config) {
        SSLEngine probe = context.createSSLEngine();
        List<String> supportedProtocols = Arrays.asList(probe.getSupportedProtocols());
        List<String> unknown = new ArrayList<>(config.enabledProtocols());
        unknown.removeAll(supportedProtocols);
        if (!unknown.isEmpty()) {
            throw new ConfigException(SslConfig.ENABLED_PROTOCOLS, SslConfig.ENABLED_PROTOCOLS + "="
                    + String.join(",", config.enabledProtocols()) + " names " + unknown
                    + ", which this JVM does not support; it supports " + supportedProtocols);
        }
        if (!config.cipherSuites().isEmpty()) {
            List<String> supportedCiphers = Arrays.asList(probe.getSupportedCipherSuites());
            List<String> unknownCiphers = new ArrayList<>(config.cipherSuites());
            unknownCiphers.removeAll(supportedCiphers);
            if (!unknownCiphers.isEmpty()) {
                throw new ConfigException(SslConfig.CIPHER_SUITES, SslConfig.CIPHER_SUITES + " names "
                        + unknownCiphers + ", which this JVM does not support; use the IANA names, such as "
                        + "TLS_AES_128_GCM_SHA256 or TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            }
        }
    }
}
