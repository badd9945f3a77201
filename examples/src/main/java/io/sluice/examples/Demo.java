package io.sluice.examples;

import io.sluice.api.Producer;
import io.sluice.api.errors.ConfigException;
import io.sluice.core.Producers;
import io.sluice.core.Tuning;
import io.sluice.examples.demo.DemoOptions;
import io.sluice.examples.demo.DemoRun;

/**
 * The producing half of {@code bin/sluice-demo}, on the module path: sends the demo's records (see
 * {@code io.sluice.examples.workload.DemoRecords}) to a topic with progress lines, then prints a summary of the
 * run from its own measurements and the producer's metrics, and {@link Tuning#explain}'s account of the batching.
 * The script then reads the records back with Kafka's consumer.
 *
 * <pre>
 * java --module-path &lt;jars&gt; --add-modules HdrHistogram --module io.sluice.examples/io.sluice.examples.Demo \
 *     --bootstrap-server 127.0.0.1:9092 --topic sluice-demo --num-records 1000000 --record-size 100 --compression-type lz4
 * </pre>
 *
 * <p>Exit status: 0 when every record was acknowledged, 1 otherwise (the reason on standard error), 2 for a wrong
 * command line.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(DemoOptions.USAGE);
            return 0;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            return 2;
        }
        Producer<byte[], byte[]> producer;
        try {
            producer = Producers.create(options.producerConfig());
        } catch (ConfigException e) {
            System.err.println("Cannot create the producer: " + e.getMessage());
            return 1;
        }
        return new DemoRun(options, System.out, System.err).execute(producer);
    }
}
