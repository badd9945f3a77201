package io.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away certificate authority with a broker and a client certificate, made at test time with the JDK's own
 * {@code keytool} (run as a child process from {@code ${java.home}/bin}), for TLS listeners and mutual TLS. Nothing
 * here is fit for production: every store shares the password {@link #PASSWORD}.
 *
 * <p>Files in the directory (all PKCS12 stores, EC P-256 keys, valid ten years):
 * <pre>
 *   ca.p12            the CA's key                     ca.pem           the CA certificate (PEM)
 *   truststore.p12    the CA certificate, for clients and for brokers checking client certificates
 *   broker.p12        the broker's key and chain (broker, CA); names DNS:localhost and IP:127.0.0.1
 *   client.p12        the client's key and chain (client, CA); names the same, CN=sluice-client
 *   client-chain.pem  the client chain (PEM)           client-key.pem   the client key (unencrypted PKCS#8 PEM)
 * </pre>
 * Making them takes a few seconds (nine keytool runs, three at a time); {@link #in(Path)} reuses a complete set.
 *
 * <pre>{@code
 * TestCertificates certificates = TestCertificates.in(directory);
 * Map<String, Object> client = certificates.clientTrustConfig();   // ssl.truststore.* for any Kafka client
 * }</pre>
 *
 * <p>Immutable once made; safe to share between threads.
 */
public final class TestCertificates {

    /** The password of every store and key. */
    public static final String PASSWORD = "sluice-test-only";

    private static final String KEY_ARGS = "-keyalg EC -groupname secp256r1 -validity 3650";
    private static final String SAN = "SAN=dns:localhost,ip:127.0.0.1";
    private static final String STORE_ARGS = " -storetype PKCS12 -storepass " + PASSWORD + " -keypass " + PASSWORD;

    private final Path directory;

    private TestCertificates(Path directory) {
        this.directory = directory;
    }

    /**
     * The certificates in {@code directory}: reused if a complete set is there, otherwise made (the directory is
     * created if missing).
     *
     * @throws IllegalStateException if keytool fails; the message holds its output
     */
    public static TestCertificates in(Path directory) {
        TestCertificates certificates = new TestCertificates(directory.toAbsolutePath());
        if (!certificates.complete()) {
            certificates.make();
        }
        return certificates;
    }

    /** The directory holding the files. */
    public Path directory() {
        return directory;
    }

    /** PKCS12 store with the CA certificate: the trust store for clients, and for brokers checking clients. */
    public Path truststore() {
        return directory.resolve("truststore.p12");
    }

    /** PKCS12 store with the broker's key and certificate chain (DNS:localhost, IP:127.0.0.1). */
    public Path brokerKeystore() {
        return directory.resolve("broker.p12");
    }

    /** PKCS12 store with the client's key and certificate chain, for mutual TLS. */
    public Path clientKeystore() {
        return directory.resolve("client.p12");
    }

    /** The CA certificate as a PEM file. */
    public Path caCertificatePem() {
        return directory.resolve("ca.pem");
    }

    /** The client's certificate chain (client, then CA) as a PEM file. */
    public Path clientCertificateChainPem() {
        return directory.resolve("client-chain.pem");
    }

    /** The client's private key as an unencrypted PKCS#8 PEM file. */
    public Path clientPrivateKeyPem() {
        return directory.resolve("client-key.pem");
    }

    /** The CA certificate. */
    public X509Certificate caCertificate() {
        try {
            return (X509Certificate) load(directory.resolve("ca.p12")).getCertificate("ca");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kafka client settings that trust the CA: {@code ssl.truststore.location/password/type}. */
    public Map<String, Object> clientTrustConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("ssl.truststore.location", truststore().toString());
        config.put("ssl.truststore.password", PASSWORD);
        config.put("ssl.truststore.type", "PKCS12");
        return config;
    }

    /** {@link #clientTrustConfig()} plus the client certificate: {@code ssl.keystore.*} and {@code ssl.key.password}. */
    public Map<String, Object> clientMutualTlsConfig() {
        Map<String, Object> config = clientTrustConfig();
        config.put("ssl.keystore.location", clientKeystore().toString());
        config.put("ssl.keystore.password", PASSWORD);
        config.put("ssl.keystore.type", "PKCS12");
        config.put("ssl.key.password", PASSWORD);
        return config;
    }

    @Override
    public String toString() {
        return "TestCertificates[" + directory + "]";
    }

    private boolean complete() {
        return Stream.of(truststore(), brokerKeystore(), clientKeystore(), caCertificatePem(),
                clientCertificateChainPem(), clientPrivateKeyPem()).allMatch(Files::isRegularFile);
    }

    private void make() {
        try {
            Files.createDirectories(directory);
            for (String file : List.of("ca.p12", "broker.p12", "client.p12")) {
                Files.deleteIfExists(directory.resolve(file)); // keytool will not overwrite an alias
            }
            inParallel(
                    () -> keytool("-genkeypair -alias ca " + KEY_ARGS + " -dname CN=Sluice-Test-CA -ext bc:c -keystore "
                            + directory.resolve("ca.p12") + STORE_ARGS),
                    () -> request("broker", "CN=localhost"),
                    () -> request("client", "CN=sluice-client"));
            inParallel(() -> sign("broker"), () -> sign("client"));
            X509Certificate ca = caCertificate();
            Files.writeString(caCertificatePem(), pem("CERTIFICATE", ca.getEncoded()), StandardCharsets.US_ASCII);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            store(trust, truststore());
            chainUp("broker", ca);
            chainUp("client", ca);
            writeClientPem();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make test certificates in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not make test certificates in " + directory, e);
        }
    }

    private void request(String alias, String dname) {
        keytool("-genkeypair -alias " + alias + " " + KEY_ARGS + " -dname " + dname + " -keystore "
                + directory.resolve(alias + ".p12") + STORE_ARGS);
        keytool("-certreq -alias " + alias + " -keystore " + directory.resolve(alias + ".p12") + STORE_ARGS
                + " -file " + directory.resolve(alias + ".csr"));
    }

    private void sign(String alias) {
        keytool("-gencert -alias ca -keystore " + directory.resolve("ca.p12") + STORE_ARGS + " -infile "
                + directory.resolve(alias + ".csr") + " -outfile " + directory.resolve(alias + ".crt")
                + " -rfc -validity 3650 -ext " + SAN);
    }

    /** Puts the CA-signed certificate and the CA under the store's key, in place of the self-signed one. */
    private void chainUp(String alias, X509Certificate ca) throws GeneralSecurityException, IOException {
        Path file = directory.resolve(alias + ".p12");
        KeyStore store = load(file);
        PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
        Certificate signed;
        try (InputStream in = Files.newInputStream(directory.resolve(alias + ".crt"))) {
            signed = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        store.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] {signed, ca});
        store(store, file);
    }

    private void writeClientPem() throws GeneralSecurityException, IOException {
        KeyStore store = load(clientKeystore());
        StringBuilder chain = new StringBuilder();
        for (Certificate certificate : store.getCertificateChain("client")) {
            chain.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        Files.writeString(clientCertificateChainPem(), chain, StandardCharsets.US_ASCII);
        byte[] key = store.getKey("client", PASSWORD.toCharArray()).getEncoded();
        Files.writeString(clientPrivateKeyPem(), pem("PRIVATE KEY", key), StandardCharsets.US_ASCII);
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void store(KeyStore store, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static void keytool(String arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-J-Xshare:auto", "-noprompt"));
        command.addAll(List.of(arguments.split(" ")));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run keytool from " + System.getProperty("java.home"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }

    /** Runs the steps on threads of their own (keytool waits on a child process; the common pool may have one thread). */
    private static void inParallel(Runnable... steps) {
        ExecutorService threads = Executors.newFixedThreadPool(steps.length, task -> {
            Thread thread = new Thread(task, "sluice-testkit-keytool");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(Stream.of(steps).map(step -> CompletableFuture.runAsync(step, threads))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        } finally {
            threads.shutdown();
        }
    }
}
