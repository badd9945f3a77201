package io.sluice.examples;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The command line of {@link ConsoleProducer}, with the options, defaults and precedence of Kafka
 * 4.4's {@code kafka-console-producer} (its {@code ConsoleProducerOptions}):
 * <ul>
 *   <li>producer properties: {@code --producer.config FILE} (alias {@code --command-config}), then
 *       {@code --producer-property k=v} (alias {@code --command-property}) over it, then the
 *       tool's own options over both; {@code bootstrap.servers}, the byte-array serializers and
 *       (unless set) {@code client.id=console-producer} are always put;</li>
 *   <li>the tool's options that map to producer keys ({@code --timeout} → {@code linger.ms}=1000,
 *       {@code --request-required-acks} → {@code acks}=-1, {@code --request-timeout-ms}=1500,
 *       {@code --message-send-max-retries} → {@code retries}=3, ...) apply their value when given,
 *       and their default only when the properties do not set that key (Kafka's
 *       {@code maybeMergeOptions});</li>
 *   <li>{@code --compression-codec [codec]}: without a value, gzip (Kafka's rule); when the option is
 *       absent, {@code compression.type} from the properties, else none. (Kafka's tool puts none
 *       over a {@code compression.type} property; Sluice keeps the property.)</li>
 *   <li>reader properties: {@code --reader-config FILE}, then {@code --property k=v} (alias
 *       {@code --reader-property}) over it; see {@link ConsoleProducerLineReader}.</li>
 * </ul>
 * Arguments are {@code --name value} or {@code --name=value}; a unique prefix of a name works, as with
 * Kafka's option parser. Immutable once parsed.
 */
final class ConsoleProducerOptions {

    /** What {@code --help} prints. */
    static final String USAGE = String.join("\n",
            "Reads lines from standard input and sends each as a record to Kafka (one record per line).",
            "usage: sluice-console-producer --bootstrap-server <host:port> --topic <topic> [options]",
            "  --bootstrap-server <servers>        REQUIRED: host1:port1,host2:port2",
            "  --topic <topic>                     REQUIRED: the topic to produce to",
            "  --property <k=v>                    line reader property (alias --reader-property): parse.key,",
            "                                      key.separator, parse.headers, headers.delimiter, headers.separator,",
            "                                      headers.key.separator, null.marker, ignore.error",
            "  --reader-config <file>              line reader properties file (--property wins)",
            "  --producer-property <k=v>           producer property (alias --command-property)",
            "  --producer.config <file>            producer properties file (alias --command-config; --producer-property wins)",
            "  --compression-codec [codec]         none, gzip, snappy, lz4 or zstd; without a value: gzip",
            "  --sync                              send each record and wait for its acknowledgement",
            "  --request-required-acks <acks>      acks (default -1)",
            "  --timeout <ms>                      linger.ms (default 1000)",
            "  --batch-size <bytes>                batch.size (default 16384)",
            "  --max-partition-memory-bytes <b>    batch.size (default 16384)",
            "  --max-memory-bytes <bytes>          buffer.memory (default 33554432)",
            "  --max-block-ms <ms>                 max.block.ms (default 60000)",
            "  --message-send-max-retries <n>      retries (default 3)",
            "  --retry-backoff-ms <ms>             retry.backoff.ms (default 100)",
            "  --request-timeout-ms <ms>           request.timeout.ms (default 1500)",
            "  --metadata-expiry-ms <ms>           metadata.max.age.ms (default 300000)",
            "  --socket-buffer-size <bytes>        send.buffer.bytes (default 102400)",
            "  --help                              print this and exit");

    private static final String BYTE_ARRAY_SERIALIZER = "org.apache.kafka.common.serialization.ByteArraySerializer";

    /** Kafka's tool options that set a producer key, with their defaults, in Kafka's merge order. */
    private static final List<String[]> MERGED = List.of(
            new String[] {"timeout", "linger.ms", "1000"},
            new String[] {"request-required-acks", "acks", "-1"},
            new String[] {"request-timeout-ms", "request.timeout.ms", "1500"},
            new String[] {"message-send-max-retries", "retries", "3"},
            new String[] {"retry-backoff-ms", "retry.backoff.ms", "100"},
            new String[] {"socket-buffer-size", "send.buffer.bytes", "102400"},
            new String[] {"max-memory-bytes", "buffer.memory", "33554432"},
            new String[] {"batch-size", "batch.size", "16384"},
            new String[] {"max-partition-memory-bytes", "batch.size", "16384"},
            new String[] {"metadata-expiry-ms", "metadata.max.age.ms", "300000"},
            new String[] {"max-block-ms", "max.block.ms", "60000"});

    private static final List<String> FLAGS = List.of("sync", "help", "version");
    private static final List<String> OPTIONAL_VALUE = List.of("compression-codec");
    private static final List<String> MULTI = List.of("property", "producer-property");
    private static final Map<String, String> ALIASES = Map.of(
            "reader-property", "property",
            "command-property", "producer-property",
            "command-config", "producer.config");
    private static final List<String> WITH_VALUE = List.of("topic", "bootstrap-server", "reader-config", "producer.config",
            "line-reader", "property", "producer-property", "timeout", "request-required-acks", "request-timeout-ms",
            "message-send-max-retries", "retry-backoff-ms", "socket-buffer-size", "max-memory-bytes", "batch-size",
            "max-partition-memory-bytes", "metadata-expiry-ms", "max-block-ms");

    private final Map<String, List<String>> given;

    private ConsoleProducerOptions(Map<String, List<String>> given) {
        this.given = given;
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the option at fault (unknown, missing value, missing
     *         required option, unsupported {@code --line-reader})
     */
    static ConsoleProducerOptions parse(String... args) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options start with --; records "
                        + "are read from standard input");
            }
            int eq = arg.indexOf('=');
            String name = canonical(eq < 0 ? arg.substring(2) : arg.substring(2, eq));
            String value = eq < 0 ? null : arg.substring(eq + 1);
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new IllegalArgumentException("Option --" + name + " takes no value, got '" + value + "'");
                }
                value = "";
            } else if (OPTIONAL_VALUE.contains(name)) {
                if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                }
                value = value == null ? "" : value;
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Option --" + name + " requires a value");
                }
                value = args[++i];
            }
            List<String> values = given.computeIfAbsent(name, n -> new ArrayList<>());
            if (!MULTI.contains(name)) {
                values.clear(); // the last one wins
            }
            values.add(value);
        }
        ConsoleProducerOptions options = new ConsoleProducerOptions(given);
        options.check();
        return options;
    }

    boolean help() {
        return given.containsKey("help") || given.containsKey("version");
    }

    boolean sync() {
        return given.containsKey("sync");
    }

    String topic() {
        return one("topic");
    }

    /** The producer configuration, merged with Kafka's precedence. */
    Map<String, Object> producerConfig() {
        Map<String, Object> props = new LinkedHashMap<>();
        if (given.containsKey("producer.config")) {
            props.putAll(load(one("producer.config"), "--producer.config"));
        }
        props.putAll(keyValues(given.getOrDefault("producer-property", List.of()), "--producer-property"));
        props.put("bootstrap.servers", one("bootstrap-server"));
        String codec = compressionCodec();
        if (codec != null) {
            props.put("compression.type", codec);
        } else {
            props.putIfAbsent("compression.type", "none");
        }
        props.putIfAbsent("client.id", "console-producer");
        props.put("key.serializer", BYTE_ARRAY_SERIALIZER);
        props.put("value.serializer", BYTE_ARRAY_SERIALIZER);
        for (String[] merged : MERGED) {
            if (given.containsKey(merged[0]) || !props.containsKey(merged[1])) {
                props.put(merged[1], given.containsKey(merged[0]) ? one(merged[0]) : merged[2]);
            }
        }
        return props;
    }

    /** The line reader's properties: {@code --reader-config}, then {@code --property} over it. */
    Map<String, String> readerProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        if (given.containsKey("reader-config")) {
            load(one("reader-config"), "--reader-config").forEach((k, v) -> props.put(k, v.toString()));
        }
        keyValues(given.getOrDefault("property", List.of()), "--property").forEach((k, v) -> props.put(k, v.toString()));
        return props;
    }

    /** The codec {@code --compression-codec} asks for (gzip when it has no value), or null if absent. */
    String compressionCodec() {
        if (!given.containsKey("compression-codec")) {
            return null;
        }
        String codec = one("compression-codec");
        return codec.isEmpty() ? "gzip" : codec.toLowerCase(Locale.ROOT);
    }

    private void check() {
        if (help()) {
            return;
        }
        for (String required : List.of("topic", "bootstrap-server")) {
            if (!given.containsKey(required) || one(required).isBlank()) {
                throw new IllegalArgumentException("Missing required option --" + required);
            }
        }
        keyValues(given.getOrDefault("producer-property", List.of()), "--producer-property");
        keyValues(given.getOrDefault("property", List.of()), "--property");
        String lineReader = given.containsKey("line-reader") ? one("line-reader") : null;
        if (lineReader != null && !lineReader.equals("org.apache.kafka.tools.LineMessageReader")) {
            throw new IllegalArgumentException("--line-reader " + lineReader + " is not supported: Sluice's console "
                    + "producer reads lines as Kafka's LineMessageReader does; configure it with --property");
        }
    }

    private String one(String name) {
        List<String> values = given.get(name);
        return values.get(values.size() - 1);
    }

    /** The full option name for {@code name}, an alias, or a unique prefix of one. */
    private static String canonical(String name) {
        String real = ALIASES.getOrDefault(name, name);
        List<String> all = new ArrayList<>(WITH_VALUE);
        all.addAll(FLAGS);
        all.addAll(OPTIONAL_VALUE);
        all.addAll(ALIASES.keySet());
        if (all.contains(real)) {
            return real;
        }
        List<String> matches = all.stream().filter(o -> o.startsWith(name)).map(o -> ALIASES.getOrDefault(o, o))
                .distinct().toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        throw new IllegalArgumentException(matches.isEmpty()
                ? "--" + name + " is not a recognized option; see --help"
                : "--" + name + " is ambiguous: it could be any of " + matches);
    }

    private static Map<String, Object> keyValues(List<String> pairs, String option) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) { // Kafka refuses a missing value too; values are not trimmed
                throw new IllegalArgumentException(option + " expects key=value with a non-empty value, got '" + pair + "'");
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    private static Map<String, Object> load(String file, String option) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }
}
