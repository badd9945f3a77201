package io.sluice.transport.nio;

import io.sluice.api.errors.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Loads the {@link KeyStore}s the TLS context is built from: key store files of any type the JVM
 * knows (JKS, PKCS12, ...), and PEM (files or inline text), which become in-memory stores. Errors
 * are {@link ConfigException}s naming the key and the file, never a password. Stateless.
 */
final class SslStores {

    /** The password of in-memory stores made from PEM; they never leave this JVM. */
    private static final char[] IN_MEMORY_PASSWORD = "sluice-in-memory".toCharArray();

    private SslStores() {
    }

    /** A key store with the password that unlocks its private keys. */
    record Loaded(KeyStore store, char[] keyPassword) {
    }

    /** The CAs to trust, as a key store. */
    static KeyStore trustStore(TrustStoreConfig config) {
        if (!config.isPem()) {
            return load(config.location(), config.type(), config.password(), TrustStoreConfig.LOCATION,
                    TrustStoreConfig.TYPE, TrustStoreConfig.PASSWORD);
        }
        String key = config.location() != null ? TrustStoreConfig.LOCATION : TrustStoreConfig.CERTIFICATES;
        String pem = config.location() != null ? readPem(config.location(), key) : config.certificates();
        List<X509Certificate> certificates = PemReader.certificates(pem, key);
        KeyStore store = emptyStore();
        try {
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("Could not fill an in-memory PKCS12 store", e);
        }
        return store;
    }

    /** The client's certificate chain and private key, as a key store. */
    static Loaded keyStore(KeyStoreConfig config) {
        if (!config.isPem()) {
            KeyStore store = load(config.location(), config.type(), config.password(), KeyStoreConfig.LOCATION,
                    KeyStoreConfig.TYPE, KeyStoreConfig.PASSWORD);
            Secret keyPassword = config.keyPassword() != null ? config.keyPassword() : config.password();
            return new Loaded(store, keyPassword.chars());
        }
        String chainKey = config.location() != null ? KeyStoreConfig.LOCATION : KeyStoreConfig.CERTIFICATE_CHAIN;
        String keyKey = config.location() != null ? KeyStoreConfig.LOCATION : KeyStoreConfig.KEY;
        String chainPem = config.location() != null ? readPem(config.location(), chainKey) : config.certificateChain();
        String keyPem = config.location() != null ? chainPem : config.key().reveal();
        List<X509Certificate> chain = PemReader.certificates(chainPem, chainKey);
        PrivateKey privateKey = PemReader.privateKey(keyPem, config.keyPassword(), keyKey);
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry("client", privateKey, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
        } catch (KeyStoreException e) {
            throw new ConfigException(keyKey, "The private key in " + keyKey + " does not go with the first "
                    + "certificate of " + chainKey + " (" + e.getMessage() + ")", e);
        }
        return new Loaded(store, IN_MEMORY_PASSWORD.clone());
    }

    /** Says which key to fix when a key manager cannot recover the private key. */
    static ConfigException wrongKeyPassword(KeyStoreConfig config, UnrecoverableKeyException e) {
        return new ConfigException(KeyStoreConfig.KEY_PASSWORD, (config.keyPassword() != null
                ? KeyStoreConfig.KEY_PASSWORD + " does not unlock the private key"
                : "The private key is not protected by " + KeyStoreConfig.PASSWORD + "; set "
                        + KeyStoreConfig.KEY_PASSWORD + " to its password")
                + " in " + KeyStoreConfig.LOCATION + "=" + config.location() + " (" + e.getMessage() + ")", e);
    }

    private static KeyStore load(String location, String type, Secret password, String locationKey, String typeKey,
            String passwordKey) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw new ConfigException(typeKey, typeKey + "=" + type + " is not a key store type this JVM knows; "
                    + "use JKS, PKCS12 or PEM", e);
        }
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, password == null ? null : password.chars());
            return store;
        } catch (NoSuchFileException e) {
            throw new ConfigException(locationKey, locationKey + "=" + location + ": no such file", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new ConfigException(passwordKey, passwordKey + " does not open " + locationKey + "=" + location
                        + " (" + e.getMessage() + "); check the password", e);
            }
            throw new ConfigException(locationKey, locationKey + "=" + location + " could not be read as a " + type
                    + " key store (" + e.getMessage() + "); check the file and " + typeKey, e);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(locationKey, locationKey + "=" + location + " could not be read as a " + type
                    + " key store (" + e + ")", e);
        }
    }

    private static String readPem(String location, String key) {
        try {
            return Files.readString(Path.of(location), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(key, key + "=" + location + ": no such file", e);
        } catch (IOException e) {
            throw new ConfigException(key, key + "=" + location + " could not be read (" + e + ")", e);
        }
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make an empty PKCS12 key store", e);
        }
    }
}
