package io.sluice.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
 * {@code --help} lists the options.
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
