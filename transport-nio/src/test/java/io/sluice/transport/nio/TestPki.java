package io.sluice.transport.nio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throw-away certificates for TLS tests, made once per test JVM with the JDK's {@code keytool}
 * (EC P-256 keys, PKCS12 stores) in a temporary directory deleted at exit: a CA, a second CA
 * nobody trusts, a server certificate for {@code localhost} and {@code 127.0.0.1}, one whose only
 * name is {@code wrong.example}, and a client certificate; plus PEM forms. A small copy of the
 * testkit's {@code TestCertificates} (the transport cannot depend on the testkit). Thread-safe:
 * {@link #get()} builds it once; afterwards it is read only.
 */
final class TestPki {

    static final String PASSWORD = "test-store-pass";
    private static final String KEY_ALGORITHM_ARGS = "-keyalg EC -groupname secp256r1";
    private static final String SAN_LOCAL = "SAN=dns:localhost,ip:127.0.0.1";

    private static TestPki instance;

    final Path dir;
    final Path caStore;
    final X509Certificate ca;
    /** PKCS12 trust store holding the CA. */
    final Path truststore;
    /** PKCS12 trust store holding only a CA that signed nothing here. */
    final Path rogueTruststore;
    /** PKCS12 key store: server key, certificate for localhost/127.0.0.1, and the CA. */
    final Path serverKeystore;
    /** PKCS12 key store: server key, certificate naming only wrong.example. */
    final Path wrongHostKeystore;
    /** PKCS12 key store: client key and certificate, and the CA. */
    final Path clientKeystore;

    private TestPki(Path dir) throws IOException, GeneralSecurityException {
        this.dir = dir;
        this.caStore = dir.resolve("ca.p12");
        Path rogueStore = dir.resolve("rogue-ca.p12");
        this.serverKeystore = dir.resolve("server.p12");
        this.wrongHostKeystore = dir.resolve("wrong-host.p12");
        this.clientKeystore = dir.resolve("client.p12");
        inParallel(
                () -> keytool("-genkeypair -alias ca " + KEY_ALGORITHM_ARGS + " -dname CN=Sluice-Test-CA -ext bc:c "
                        + "-validity 3650 -keystore " + caStore + storeArgs()),
                () -> keytool("-genkeypair -alias ca " + KEY_ALGORITHM_ARGS + " -dname CN=Rogue-CA -ext bc:c "
                        + "-validity 3650 -keystore " + rogueStore + storeArgs()),
                () -> request("server", "CN=localhost", serverKeystore),
                () -> request("wrong-host", "CN=wrong.example", wrongHostKeystore),
                () -> request("client", "CN=sluice-client", clientKeystore));
        inParallel(
                () -> sign("server", SAN_LOCAL),
                () -> sign("wrong-host", "SAN=dns:wrong.example"),
                () -> sign("client", SAN_LOCAL));
        this.ca = (X509Certificate) load(caStore).getCertificate("ca");
        this.truststore = trustStoreOf(ca, dir.resolve("truststore.p12"));
        this.rogueTruststore = trustStoreOf((X509Certificate) load(rogueStore).getCertificate("ca"),
                dir.resolve("rogue-truststore.p12"));
        for (String name : List.of("server", "wrong-host", "client")) {
            chainUp(dir.resolve(name + ".p12"), dir.resolve(name + ".crt"));
        }
    }

    /** The certificates of this JVM, made on first use (a few seconds: keytool runs in child JVMs). */
    static synchronized TestPki get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("sluice-test-pki-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                instance = new TestPki(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The CA certificate as PEM text. */
    String caPem() {
        return pem("CERTIFICATE", encoded(ca));
    }

    /** The client's certificate chain (client, CA) as PEM text. */
    String clientChainPem() throws GeneralSecurityException, IOException {
        StringBuilder pem = new StringBuilder();
        for (Certificate certificate : load(clientKeystore).getCertificateChain("client")) {
            pem.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        return pem.toString();
    }

    /** The client's private key as unencrypted PKCS#8 PEM. */
    String clientKeyPem() throws GeneralSecurityException, IOException {
        return pem("PRIVATE KEY", clientKey().getEncoded());
    }

    /** The client's private key as PKCS#8 PEM encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC). */
    String clientKeyEncryptedPem(String password) throws GeneralSecurityException, IOException {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        SecureRandom random = new SecureRandom();
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE,
                SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
                new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(clientKey().getEncoded());
        AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        return pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(pbes2, encrypted).getEncoded());
    }

    /** Writes {@code text} to a new file in the PKI directory. */
    Path write(String fileName, String text) throws IOException {
        return Files.writeString(dir.resolve(fileName), text, StandardCharsets.US_ASCII);
    }

    /** A server-side context: the key store's certificate, trusting {@link #truststore} for client certificates. */
    SSLContext serverContext(Path keystore) throws GeneralSecurityException, IOException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(truststore));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    static KeyStore load(Path store) throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        return keyStore;
    }

    private PrivateKey clientKey() throws GeneralSecurityException, IOException {
        return (PrivateKey) load(clientKeystore).getKey("client", PASSWORD.toCharArray());
    }

    private void request(String alias, String dname, Path store) {
        keytool("-genkeypair -alias " + alias + " " + KEY_ALGORITHM_ARGS + " -dname " + dname + " -validity 3650"
                + " -keystore " + store + storeArgs());
        keytool("-certreq -alias " + alias + " -keystore " + store + storeArgs() + " -file "
                + dir.resolve(alias + ".csr"));
    }

    private void sign(String alias, String san) {
        keytool("-gencert -alias ca -keystore " + caStore + storeArgs() + " -infile " + dir.resolve(alias + ".csr")
                + " -outfile " + dir.resolve(alias + ".crt") + " -rfc -validity 3650 -ext " + san);
    }

    /** Replaces the self-signed certificate of the store's only key with (signed certificate, CA). */
    private void chainUp(Path store, Path signed) throws GeneralSecurityException, IOException {
        KeyStore keyStore = load(store);
        String alias = keyStore.aliases().nextElement();
        PrivateKey key = (PrivateKey) keyStore.getKey(alias, PASSWORD.toCharArray());
        Certificate certificate;
        try (InputStream in = Files.newInputStream(signed)) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        keyStore.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
        store(keyStore, store);
    }

    private static Path trustStoreOf(X509Certificate certificate, Path file) throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setCertificateEntry("ca", certificate);
        store(keyStore, file);
        return file;
    }

    private static void store(KeyStore keyStore, Path file) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, PASSWORD.toCharArray());
        }
    }

    private static String storeArgs() {
        return " -storetype PKCS12 -storepass " + PASSWORD + " -keypass " + PASSWORD;
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
                throw new IllegalStateException("keytool " + arguments + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run keytool " + arguments, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running keytool", e);
        }
    }

    /** Runs the steps on threads of their own (the common pool has one thread on two cores). */
    private static void inParallel(Runnable... steps) {
        ExecutorService threads = Executors.newFixedThreadPool(steps.length);
        try {
            CompletableFuture.allOf(Stream.of(steps).map(step -> CompletableFuture.runAsync(step, threads))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
    }

    private static byte[] encoded(Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
