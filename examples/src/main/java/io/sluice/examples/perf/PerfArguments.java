package io.sluice.examples.perf;

import io.sluice.examples.perf.PerfOptions.KeyDistribution;
import io.sluice.examples.perf.PerfOptions.KeySpec;
import io.sluice.examples.perf.PerfOptions.PayloadSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A hand-written parser for the command line of Kafka 4.4's {@code kafka-producer-perf-test}, so that the
 * same command works with Sluice's tool. It follows Kafka's argparse4j setup: {@code --name value} or
 * {@code --name=value}; {@code --command-property} and {@code --producer-props} take one or more
 * {@code k=v} words up to the next {@code --option}; the same checks and messages. Differences, on purpose:
 * a property value may contain {@code =} (split at the first one), and transactions are refused, because
 * Sluice's producer has none yet. Stateless; one call per command line.
 */
final class PerfArguments {

    static final String USAGE = String.join("\n",
            "usage: sluice-producer-perf-test --topic TOPIC --num-records NUM-RECORDS --throughput THROUGHPUT",
            "       (--record-size RECORD-SIZE | --payload-file PAYLOAD-FILE | --payload-monotonic)",
            "       [--bootstrap-server BOOTSTRAP-SERVER] [--payload-delimiter PAYLOAD-DELIMITER]",
            "       [--command-property PROP-NAME=PROP-VALUE ...] [--command-config CONFIG-FILE]",
            "       [--producer-props PROP-NAME=PROP-VALUE ...] [--producer.config CONFIG-FILE]   (deprecated forms)",
            "       [--print-metrics] [--warmup-records N] [--reporting-interval INTERVAL-MS]",
            "       [--key-distribution none|range|random] [--record-key-range KEY-RANGE] [--random-seed SEED]",
            "",
            "Sluice's producer under Apache Kafka's kafka-producer-perf-test command line (Kafka 4.4).",
            "  --throughput -1 sends as fast as possible; --record-size makes random upper-case letters;",
            "  --payload-file picks one of the file's payloads (split at --payload-delimiter, default \\n) per record.",
            "  Progress every --reporting-interval ms (default 5000), then Kafka's summary line and the latency",
            "  percentiles from an HdrHistogram (microsecond precision). Exit status 1 if any record failed.");

    private static final Set<String> VALUED = Set.of("--topic", "--num-records", "--record-size", "--payload-file",
            "--payload-delimiter", "--throughput", "--producer.config", "--command-config", "--bootstrap-server",
            "--warmup-records", "--reporting-interval", "--record-key-range", "--key-distribution", "--random-seed",
            "--transactional-id", "--transaction-duration-ms");
    private static final Set<String> MULTI = Set.of("--producer-props", "--command-property");
    private static final Set<String> FLAGS = Set.of("--print-metrics", "--payload-monotonic");

    private PerfArguments() {
    }

    /**
     * @throws UsageException naming the option at fault, with Kafka's wording where Kafka has a message
     */
    static PerfOptions parse(String... args) {
        Map<String, List<String>> given = tokenize(args);
        refuseTransactions(given);
        List<String> warnings = new ArrayList<>();
        String topic = required(given, "--topic");
        long numRecords = longValue(given, "--num-records", null);
        if (numRecords <= 0) {
            throw new UsageException("--num-records should be greater than zero.");
        }
        double throughput = doubleValue(required(given, "--throughput"), "--throughput");
        if (throughput == 0 || Double.isNaN(throughput)) {
            // Kafka's throttler waits forever at 0; a perf run that never sends is always a typo
            throw new UsageException("--throughput " + throughput + " would never send a record; give records/sec > 0, "
                    + "or -1 for no limit.");
        }
        long warmup = Math.max(0, longValue(given, "--warmup-records", 0L));
        if (warmup >= numRecords) {
            throw new UsageException("The value for --warmup-records must be strictly fewer than the number of records "
                    + "in the test, --num-records.");
        }
        long reportingInterval = longValue(given, "--reporting-interval", 5000L);
        if (reportingInterval <= 0) {
            throw new UsageException("--reporting-interval should be greater than zero.");
        }
        List<String> properties = properties(given, warnings);
        String configFile = configFile(given, warnings);
        String bootstrap = single(given, "--bootstrap-server");
        if (bootstrap == null && properties.isEmpty() && configFile == null) {
            throw new UsageException("At least one of --bootstrap-server, --command-property, --producer-props, "
                    + "--producer.config or --command-config must be specified.");
        }
        return new PerfOptions(topic, numRecords, payload(given), throughput, bootstrap, properties, configFile,
                given.containsKey("--print-metrics"), warmup, reportingInterval, keys(given),
                longValue(given, "--random-seed", 0L), warnings);
    }

    /** Option name → its values (empty for a flag), in the order given; unknown options refused. */
    private static Map<String, List<String>> tokenize(String[] args) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i++];
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                inline = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (!VALUED.contains(arg) && !MULTI.contains(arg) && !FLAGS.contains(arg)) {
                throw new UsageException("unrecognized argument: '" + args[i - 1] + "'");
            }
            if (given.containsKey(arg) && !MULTI.contains(arg)) {
                throw new UsageException("argument " + arg + " is given twice");
            }
            List<String> values = given.computeIfAbsent(arg, k -> new ArrayList<>());
            if (FLAGS.contains(arg)) {
                if (inline != null) {
                    throw new UsageException("argument " + arg + " takes no value, got '" + inline + "'");
                }
            } else if (inline != null) {
                values.add(inline);
            } else if (VALUED.contains(arg)) {
                if (i >= args.length || isOption(args[i])) {
                    throw new UsageException("argument " + arg + ": expected one argument");
                }
                values.add(args[i++]);
            } else {
                int before = values.size();
                while (i < args.length && !isOption(args[i])) {
                    values.add(args[i++]);
                }
                if (values.size() == before) {
                    throw new UsageException("argument " + arg + ": expected at least one argument");
                }
            }
        }
        return given;
    }

    private static boolean isOption(String arg) {
        return arg.startsWith("--");
    }

    private static void refuseTransactions(Map<String, List<String>> given) {
        for (String option : List.of("--transactional-id", "--transaction-duration-ms")) {
            if (given.containsKey(option)) {
                throw new UsageException(option + " asks for transactions, which Sluice's producer does not support yet; "
                        + "run without it");
            }
        }
    }

    private static PayloadSpec payload(Map<String, List<String>> given) {
        int chosen = (given.containsKey("--record-size") ? 1 : 0) + (given.containsKey("--payload-file") ? 1 : 0)
                + (given.containsKey("--payload-monotonic") ? 1 : 0);
        if (chosen != 1) {
            throw new UsageException("Note that you must provide exactly one of --record-size, --payload-file or "
                    + "--payload-monotonic" + (chosen == 0 ? "; none was given." : "; " + chosen + " were given."));
        }
        if (given.containsKey("--record-size")) {
            long size = longValue(given, "--record-size", null);
            if (size <= 0 || size > Integer.MAX_VALUE) {
                throw new UsageException("--record-size should be greater than zero.");
            }
            return new PayloadSpec.RandomLetters((int) size);
        }
        if (given.containsKey("--payload-file")) {
            String delimiter = single(given, "--payload-delimiter");
            // as Kafka: the two characters \n (how the default is shown in the help) mean a newline
            if (delimiter == null || delimiter.equals("\\n")) {
                delimiter = "\n";
            }
            return new PayloadSpec.FromFile(single(given, "--payload-file"), delimiter);
        }
        return new PayloadSpec.Monotonic();
    }

    private static KeySpec keys(Map<String, List<String>> given) {
        String name = single(given, "--key-distribution");
        KeyDistribution distribution;
        try {
            distribution = name == null ? KeyDistribution.NONE : KeyDistribution.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("argument --key-distribution: invalid choice: '" + name
                    + "' (choose from 'none', 'range', 'random')");
        }
        String range = single(given, "--record-key-range");
        if (range == null) {
            if (distribution != KeyDistribution.NONE) {
                throw new UsageException("--record-key-range is required when --key-distribution is 'range' or 'random'.");
            }
            return KeySpec.NONE;
        }
        if (distribution == KeyDistribution.NONE) {
            throw new UsageException("--key-distribution must be 'range' or 'random' when --record-key-range is specified.");
        }
        long value = longValue(given, "--record-key-range", null);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new UsageException("--record-key-range should be greater than zero.");
        }
        return new KeySpec(distribution, (int) value);
    }

    private static List<String> properties(Map<String, List<String>> given, List<String> warnings) {
        if (given.containsKey("--command-property") && given.containsKey("--producer-props")) {
            throw new UsageException("--command-property and --producer-props cannot be specified together.");
        }
        if (given.containsKey("--producer-props")) {
            warnings.add("Option --producer-props has been deprecated and will be removed in a future version. "
                    + "Use --command-property instead.");
            return given.get("--producer-props");
        }
        return given.getOrDefault("--command-property", List.of());
    }

    private static String configFile(Map<String, List<String>> given, List<String> warnings) {
        if (given.containsKey("--command-config") && given.containsKey("--producer.config")) {
            throw new UsageException("--command-config and --producer.config cannot be specified together.");
        }
        if (given.containsKey("--producer.config")) {
            warnings.add("Option --producer.config has been deprecated and will be removed in a future version. "
                    + "Use --command-config instead.");
            return single(given, "--producer.config");
        }
        return single(given, "--command-config");
    }

    private static String required(Map<String, List<String>> given, String option) {
        String value = single(given, option);
        if (value == null) {
            throw new UsageException("argument " + option + " is required");
        }
        return value;
    }

    private static String single(Map<String, List<String>> given, String option) {
        List<String> values = given.get(option);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static long longValue(Map<String, List<String>> given, String option, Long absent) {
        String value = absent == null ? required(given, option) : single(given, option);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("argument " + option + ": could not convert '" + value + "' to a whole number");
        }
    }

    private static double doubleValue(String value, String option) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("argument " + option + ": could not convert '" + value + "' to a number");
        }
    }

    /** A command line the tool cannot run; the message says which option and why. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }
}
