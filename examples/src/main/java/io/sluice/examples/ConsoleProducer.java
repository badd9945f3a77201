package io.sluice.examples;

import io.sluice.api.Callback;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.errors.ConfigException;
import io.sluice.core.Producers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sluice's {@code kafka-console-producer}: reads lines from standard input and sends each as one
 * record, with the options of Kafka 4.4's tool ({@link ConsoleProducerOptions}) and the line syntax
 * of its {@code LineMessageReader} ({@link ConsoleProducerLineReader}), so scripts written for
 * Kafka's tool work with it:
 * <pre>
 * printf 'h1:v1,h2:v2\tkey-1\tvalue-1\n' | bin/sluice-console-producer --bootstrap-server localhost:9092 \
 *     --topic orders --property parse.key=true --property parse.headers=true --compression-codec lz4
 * </pre>
 * Every failure goes to standard error: a bad option or property, a producer that cannot be created,
 * a line that does not parse (reading stops; what was read before is still delivered), and each
 * record the broker did not take ({@code Error when sending message to topic ...}). The exit code
 * is 0 when every line became a record that was acknowledged, 1 otherwise. Unlike Kafka's tool,
 * which only logs asynchronous send errors and exits 0, a record that failed makes the exit code 1.
 */
public final class ConsoleProducer {

    private ConsoleProducer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the tool; returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        ConsoleProducerOptions options;
        ConsoleProducerLineReader lines;
        try {
            options = ConsoleProducerOptions.parse(args);
            if (options.help()) {
                out.println(ConsoleProducerOptions.USAGE);
                return 0;
            }
            lines = new ConsoleProducerLineReader(options.topic(), options.readerProperties());
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println("Run with --help to see the options.");
            return 1;
        }
        Producer<byte[], byte[]> producer;
        try {
            producer = Producers.create(options.producerConfig());
        } catch (ConfigException e) {
            err.println("Cannot create the producer: " + e.getMessage());
            return 1;
        }
        Thread closeOnExit = new Thread(producer::close, "sluice-console-producer-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnExit); // Ctrl-C still delivers what is buffered, as Kafka's tool
        Outcome outcome = new Outcome(err);
        boolean readAll;
        try {
            readAll = sendLines(producer, lines, options.sync(), in, outcome);
        } finally {
            producer.close();
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        }
        if (outcome.failed.get() > 0) {
            err.println(outcome.failed.get() + " of " + outcome.sent.get() + " records could not be sent to topic "
                    + options.topic());
        }
        return readAll && outcome.failed.get() == 0 ? 0 : 1;
    }

    /** Sends one record per line until the input ends; false if it stopped early on an error. */
    private static boolean sendLines(Producer<byte[], byte[]> producer, ConsoleProducerLineReader lines, boolean sync,
                                     InputStream in, Outcome outcome) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean prompt = System.console() != null;
        try {
            while (true) {
                if (prompt) {
                    System.out.print(">");
                    System.out.flush();
                }
                String line = reader.readLine();
                if (line == null) {
                    return true;
                }
                ProducerRecord<byte[], byte[]> record = lines.read(line);
                outcome.sent.incrementAndGet();
                if (sync) {
                    producer.send(record).get();
                } else {
                    producer.send(record, outcome.callbackFor(record));
                }
            }
        } catch (IllegalArgumentException e) {
            outcome.err.println("Error: " + e.getMessage() + "; stopped reading, records of earlier lines are still sent");
        } catch (ExecutionException e) {
            outcome.failed.incrementAndGet();
            outcome.err.println("Error when sending message with --sync: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.err.println("Interrupted while waiting for an acknowledgement");
        } catch (IOException e) {
            outcome.err.println("Error reading standard input: " + e);
        } catch (RuntimeException e) {
            outcome.failed.incrementAndGet();
            outcome.err.println("Error when sending message: " + e);
        }
        return false;
    }

    /** Counts records and failures; its callbacks run on the producer's sender thread (atomic counters). */
    private static final class Outcome {
        final PrintStream err;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        Outcome(PrintStream err) {
            this.err = err;
        }

        /** Kafka's {@code ErrorLoggingCallback}, as a line on standard error; sizes, not contents. */
        Callback callbackFor(ProducerRecord<byte[], byte[]> record) {
            return (metadata, exception) -> {
                if (exception != null) {
                    failed.incrementAndGet();
                    err.println("Error when sending message to topic " + record.topic() + " with key: "
                            + size(record.key()) + ", value: " + size(record.value()) + " with error: " + exception);
                }
            };
        }

        private static String size(byte[] bytes) {
            return bytes == null ? "null" : bytes.length + " bytes";
        }
    }
}
