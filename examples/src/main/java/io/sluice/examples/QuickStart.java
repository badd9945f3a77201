package io.sluice.examples;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.ConfigException;
import io.sluice.core.Producers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The smallest useful Sluice program: sends a few keyed string records and prints where each
 * landed, then which modules it ran with (on a {@code jlink} image, exactly the image's).
 * <pre>
 * java --module-path mods --module io.sluice.examples/io.sluice.examples.QuickStart \
 *      --bootstrap-server localhost:9092 [--topic quickstart] [--records 10] [--compression-type gzip]
 * </pre>
 * Output, one line per record, then a summary:
 * <pre>
 * sent key-0 to quickstart-2 at offset 0
 * 10 records sent to quickstart with compression.type=gzip
 * runtime: /tmp/sluice-image (Java 17.0.15); modules: io.sluice.api, io.sluice.codec.gzip, ...
 * </pre>
 * Exits with 0 when every record was acknowledged, 1 when one failed or the producer cannot be
 * created (the message says why), 2 on bad arguments.
 */
public final class QuickStart {

    private QuickStart() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: QuickStart --bootstrap-server <host:port> [--topic <name>] [--records <n>] "
                    + "[--compression-type <codec>]");
            System.exit(2);
            return;
        }
        String topic = options.get("--topic");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", options.get("--bootstrap-server"));
        config.put("key.serializer", "string");
        config.put("value.serializer", "string");
        config.put("compression.type", options.get("--compression-type"));
        config.put("client.id", "quickstart");
        Producer<String, String> producer;
        try {
            producer = Producers.create(config);
        } catch (ConfigException e) {
            System.err.println("Cannot create the producer: " + e.getMessage());
            System.exit(1);
            return;
        }
        int records = Integer.parseInt(options.get("--records"));
        int failed = 0;
        try (producer) {
            List<CompletableFuture<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "hello from Sluice, record " + i)));
            }
            for (int i = 0; i < records; i++) {
                try {
                    RecordMetadata m = sent.get(i).get();
                    System.out.println("sent key-" + i + " to " + m.topic() + "-" + m.partition() + " at offset " + m.offset());
                } catch (ExecutionException e) {
                    failed++;
                    System.err.println("failed key-" + i + ": " + e.getCause());
                }
            }
        }
        System.out.println((records - failed) + " records sent to " + topic + " with compression.type="
                + config.get("compression.type"));
        String modules = QuickStart.class.getModule().isNamed()
                ? "modules: " + ModuleLayer.boot().modules().stream().map(Module::getName)
                        .filter(n -> !n.startsWith("java.") && !n.startsWith("jdk.")).sorted().collect(Collectors.joining(", "))
                : "on the class path";
        System.out.println("runtime: " + System.getProperty("java.home") + " (Java " + Runtime.version() + "); " + modules);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--topic", "quickstart", "--records", "10",
                "--compression-type", "none"));
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--bootstrap-server", "--topic", "--records", "--compression-type").contains(args[i])
                    || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--bootstrap-server")) {
            throw new IllegalArgumentException("--bootstrap-server is required");
        }
        try {
            if (Integer.parseInt(options.get("--records")) < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--records must be a positive number, got " + options.get("--records"));
        }
        return options;
    }
}
