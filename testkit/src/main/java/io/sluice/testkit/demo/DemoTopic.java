package io.sluice.testkit.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka-side steps of {@code bin/sluice-demo}, with Kafka's own Admin client and consumer (class path):
 *
 * <pre>
 * java -cp &lt;testkit class path&gt; io.sluice.testkit.demo.DemoTopic create --bootstrap-server H:P --topic T \
 *     --partitions 6 --offsets-file F [--timeout-ms 30000]
 * java -cp &lt;testkit class path&gt; io.sluice.testkit.demo.DemoTopic verify --bootstrap-server H:P --topic T \
 *     --offsets-file F --num-records N [--timeout-ms 120000]
 * </pre>
 *
 * {@code create} makes the topic if it is missing and writes each partition's end offset to the offsets file;
 * {@code verify} reads from those offsets on and checks the demo's records ({@link DemoReadBack}). Exit status 0
 * when the step succeeded, 1 when it failed (the reason on standard error), 2 for a wrong command line.
 */
public final class DemoTopic {

    static final String USAGE = "usage: DemoTopic create|verify --bootstrap-server HOST:PORT --topic TOPIC "
            + "--offsets-file FILE [--partitions N] [--num-records N] [--timeout-ms MS]";

    private DemoTopic() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String bootstrap = options.get("--bootstrap-server");
        String topic = options.get("--topic");
        Path offsetsFile = Path.of(options.get("--offsets-file"));
        try {
            if (args[0].equals("create")) {
                Map<Integer, Long> offsets = DemoTopicCreator.create(bootstrap, topic,
                        Integer.parseInt(options.getOrDefault("--partitions", "6")),
                        Duration.ofMillis(Long.parseLong(options.getOrDefault("--timeout-ms", "30000"))), out);
                writeOffsets(offsetsFile, offsets);
                return 0;
            }
            DemoReadBack.Result result = DemoReadBack.read(bootstrap, topic, readOffsets(offsetsFile),
                    Long.parseLong(options.get("--num-records")),
                    Duration.ofMillis(Long.parseLong(options.getOrDefault("--timeout-ms", "120000"))), out);
            out.println(result.summary());
            if (!result.ok()) {
                err.println("Read-back failed: " + result.problems());
                return 1;
            }
            return 0;
        } catch (DemoStepException e) {
            err.println(e.getMessage());
            return 1;
        } catch (NumberFormatException e) {
            err.println("Error: " + e.getMessage() + " is not a number");
            return 2;
        }
    }

    private static Map<String, String> parse(String... args) {
        if (args.length == 0 || !(args[0].equals("create") || args[0].equals("verify"))) {
            throw new IllegalArgumentException("the first argument must be create or verify");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        for (String required : args[0].equals("create") ? new String[] {"--bootstrap-server", "--topic", "--offsets-file"}
                : new String[] {"--bootstrap-server", "--topic", "--offsets-file", "--num-records"}) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required for " + args[0]);
            }
        }
        return options;
    }

    private static void writeOffsets(Path file, Map<Integer, Long> offsets) {
        StringBuilder s = new StringBuilder();
        offsets.forEach((p, o) -> s.append(p).append('=').append(o).append('\n'));
        try {
            Files.writeString(file, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DemoStepException("Cannot write the start offsets to " + file + ": " + e);
        }
    }

    private static Map<Integer, Long> readOffsets(Path file) {
        Map<Integer, Long> offsets = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    offsets.put(Integer.parseInt(line.substring(0, eq)), Long.parseLong(line.substring(eq + 1)));
                }
            }
        } catch (IOException e) {
            throw new DemoStepException("Cannot read the start offsets from " + file + " (written by the create step): " + e);
        }
        return offsets;
    }

    /** A step failed for a reason the user can act on; the message says which. */
    static final class DemoStepException extends RuntimeException {
        DemoStepException(String message) {
            super(message);
        }
    }
}
