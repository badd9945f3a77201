package io.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local Kafka (KRaft, in this JVM) for the demo, benchmarks and manual tries:
 *
 * <pre>
 * java -cp &lt;testkit class path&gt; io.sluice.testkit.LocalKafka --port 9092 [--brokers 3] [--dir data]
 * </pre>
 *
 * <p>Prints exactly one line to standard output once every broker is ready, e.g.
 * {@code Kafka 4.4.0 ready at 127.0.0.1:9092} (several brokers: their addresses, comma-separated); Kafka's own
 * log goes to standard error at WARN. Runs until killed (SIGTERM or Ctrl-C stop it cleanly) or until standard
 * input ends, so a parent process stops it by closing the pipe (or by dying). Exit status: 0 when standard input
 * ended, the JVM's usual 143 after SIGTERM, 1 if Kafka failed to start, 2 for a bad command line.
 * {@code --help} lists the options. With {@code --sasl-ssl FILE}, a SASL_SSL listener is added and the client
 * properties to reach it are written to FILE before the ready line (for the SASL_SSL benchmark and manual tries).
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(LocalKafkaOptions.USAGE);
            return;
        }
        LocalKafkaOptions options;
        try {
            options = LocalKafkaOptions.parse(args);
            options.builder().spec(); // checks the values before Kafka starts
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.println(LocalKafkaOptions.USAGE);
            System.exit(2);
            return;
        }
        KafkaCluster cluster;
        try {
            cluster = options.builder().start();
        } catch (RuntimeException e) {
            System.err.println("Kafka failed to start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "sluice-local-kafka-shutdown"));
        if (options.saslSslClientProperties().isPresent()) {
            try {
                writeSaslSslClientProperties(cluster, options.saslSslClientProperties().get());
            } catch (IOException | RuntimeException e) {
                System.err.println("Cannot set up the SASL_SSL client: " + e.getMessage());
                e.printStackTrace();
                System.exit(1);
                return;
            }
        }
        System.out.println("Kafka " + cluster.kafkaVersion() + " ready at " + cluster.bootstrapServers());
        System.out.flush();
        if (options.watchStdin()) {
            readToEnd(System.in);
            System.err.println("Standard input ended: stopping Kafka");
            cluster.close();
            System.exit(0);
        } else {
            new CountDownLatch(1).await(); // until a signal runs the shutdown hook
        }
    }

    /**
     * Creates the SCRAM-SHA-512 user {@value LocalKafkaOptions#SASL_SSL_USER} with a fresh random password and writes
     * the Kafka client properties that log in as that user on the SASL_SSL listener, readable by the owner only.
     */
    private static void writeSaslSslClientProperties(KafkaCluster cluster, Path file) throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        cluster.createScramUser(LocalKafkaOptions.SASL_SSL_USER, password, SaslMechanism.SCRAM_SHA_512);
        Properties properties = new Properties();
        cluster.clientConfig("SASL_SSL", SaslMechanism.SCRAM_SHA_512, LocalKafkaOptions.SASL_SSL_USER, password)
                .forEach((k, v) -> properties.setProperty(k, String.valueOf(v)));
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "Kafka client properties for the SASL_SSL listener of LocalKafka (user "
                    + LocalKafkaOptions.SASL_SSL_USER + ", SCRAM-SHA-512)");
        }
    }

    private static void readToEnd(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // input is ignored; only its end matters
            }
        } catch (IOException e) {
            // a broken pipe ends input as well
        }
    }
}
