package io.sluice.examples;

import io.sluice.api.Header;
import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordHeader;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.ConfigException;
import io.sluice.api.errors.SluiceException;
import io.sluice.core.Producers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends a few records through a partitioner chosen by its short name and prints where each went. By
 * default the partitioner is {@code by-region}, the example plugin of module
 * {@code io.sluice.examples.partitioner}: this program never imports it, it only names it in
 * {@code partitioner.class}, so it works exactly when that module is on the path.
 *
 * <pre>
 * java --module-path mods --module io.sluice.examples/io.sluice.examples.CustomPartitionerDemo \
 *      --bootstrap-server localhost:9092 --topic orders [--partitioner by-region] [--property key=value]...
 * </pre>
 *
 * The topic must exist; with 12 partitions each of the three regions gets four. The records: four
 * customers in each region {@code eu}, {@code us}, {@code apac} (header {@code region}); a keyed and
 * a keyless record without the header, which the partitioner leaves to the built-in sticky
 * partitioning; and one record of region {@code mars}, which the partitioner refuses. One line per record:
 * <pre>
 * sent region=eu key=customer-1 value=eu-1 partition=2 offset=0
 * failed region=mars key=customer-1 value=mars-1: Partitioner "by-region" (...) threw ...
 * </pre>
 * Exits with 0 once every record was sent or refused by the partitioner; with 1 if the producer cannot
 * be created (e.g. no partitioner of that name on the path), the message saying why; with 2 on bad arguments.
 */
public final class CustomPartitionerDemo {

    private static final List<String> REGIONS = List.of("eu", "us", "apac");
    private static final String NO_REGION = "-";

    private CustomPartitionerDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, Object> config;
        String topic;
        try {
            Map<String, String> options = options(args);
            topic = required(options, "--topic");
            config = producerConfig(options);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.out.println("usage: CustomPartitionerDemo --bootstrap-server <host:port> --topic <name> "
                    + "[--partitioner <name or class>] [--property <key=value>]...");
            System.exit(2);
            return;
        }
        Producer<String, String> producer;
        try {
            producer = Producers.create(config);
        } catch (ConfigException e) {
            System.out.println("Cannot create the producer: " + e.getMessage());
            System.exit(1);
            return;
        }
        try (producer) {
            System.out.println("partitioner.class=" + config.get("partitioner.class") + "; topic " + topic + " has "
                    + producer.partitionsFor(topic).size() + " partitions");
            sendAndReport(producer, records(topic));
        }
    }

    /** Twelve records with a region, two without (deferred), one with a region the partitioner does not know. */
    private static List<ProducerRecord<String, String>> records(String topic) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String region : REGIONS) {
            for (int i = 1; i <= 4; i++) {
                records.add(record(topic, region, "customer-" + i, region + "-" + i));
            }
        }
        records.add(record(topic, null, "customer-1", "none-1"));
        records.add(record(topic, null, null, "none-2"));
        records.add(record(topic, "mars", "customer-1", "mars-1"));
        return records;
    }

    private static ProducerRecord<String, String> record(String topic, String region, String key, String value) {
        List<Header> headers = region == null
                ? List.of()
                : List.of(new RecordHeader("region", region.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static void sendAndReport(Producer<String, String> producer, List<ProducerRecord<String, String>> records)
            throws InterruptedException {
        List<Map.Entry<ProducerRecord<String, String>, CompletableFuture<RecordMetadata>>> sent = new ArrayList<>();
        for (ProducerRecord<String, String> record : records) {
            try {
                sent.add(Map.entry(record, producer.send(record)));
            } catch (SluiceException e) {
                // A partitioner's exception fails that record at send(); the producer carries on.
                System.out.println("failed " + describe(record) + ": " + e.getMessage());
            }
        }
        producer.flush();
        for (Map.Entry<ProducerRecord<String, String>, CompletableFuture<RecordMetadata>> e : sent) {
            try {
                RecordMetadata md = e.getValue().get();
                System.out.println("sent " + describe(e.getKey()) + " partition=" + md.partition() + " offset=" + md.offset());
            } catch (ExecutionException failure) {
                System.out.println("failed " + describe(e.getKey()) + ": " + failure.getCause().getMessage());
            }
        }
    }

    private static String describe(ProducerRecord<String, String> record) {
        Header region = record.headers().lastHeader("region");
        return "region=" + (region == null ? NO_REGION : new String(region.value(), StandardCharsets.UTF_8))
                + " key=" + (record.key() == null ? NO_REGION : record.key()) + " value=" + record.value();
    }

    private static Map<String, Object> producerConfig(Map<String, String> options) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", required(options, "--bootstrap-server"));
        config.put("key.serializer", "string");
        config.put("value.serializer", "string");
        config.put("partitioner.class", options.getOrDefault("--partitioner", "by-region"));
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().startsWith("--property ")) {
                config.put(e.getKey().substring("--property ".length()), e.getValue());
            }
        }
        return config;
    }

    /** {@code --name value} pairs; each {@code --property k=v} becomes the entry {@code "--property k" -> v}. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length || !List.of("--bootstrap-server", "--topic", "--partitioner", "--property").contains(args[i])) {
                throw new IllegalArgumentException("Unexpected argument: " + args[i]);
            }
            String value = args[i + 1];
            if (args[i].equals("--property")) {
                int eq = value.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("--property needs key=value, got: " + value);
                }
                options.put("--property " + value.substring(0, eq), value.substring(eq + 1));
            } else {
                options.put(args[i], value);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing " + name);
        }
        return value;
    }
}
