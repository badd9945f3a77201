package io.sluice.testkit;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link LocalKafka}.
 *
 * @param port        port of broker 1 on 127.0.0.1; broker n listens on {@code port + n - 1}
 * @param brokers     number of brokers
 * @param directory   where to keep the data (kept on exit), or empty for a temporary directory
 * @param properties  Kafka server configs for every node
 * @param watchStdin  whether end of standard input stops the broker
 * @param saslSslClientProperties where to write the client properties of the extra SASL_SSL listener, or empty
 *                    for no such listener
 */
record LocalKafkaOptions(int port, int brokers, Optional<Path> directory, Map<String, String> properties,
                         boolean watchStdin, Optional<Path> saslSslClientProperties) {

    /** The SCRAM user {@code --sasl-ssl} creates. */
    static final String SASL_SSL_USER = "sluice";

    static final String USAGE = String.join("\n",
            "Usage: java -cp <testkit class path> io.sluice.testkit.LocalKafka [options]",
            "Runs Apache Kafka (KRaft) on 127.0.0.1 until killed or until standard input ends.",
            "  --port <n>             port of broker 1 (default 9092); broker k listens on port + k - 1",
            "  --brokers <n>          number of brokers, 1 to 9 (default 1; more run beside one controller)",
            "  --dir <path>           keep the data in <path> and reuse it next time (default: a temporary",
            "                         directory, deleted on exit)",
            "  --property <key=value> a Kafka server config for every node (repeatable)",
            "  --ignore-stdin         keep running when standard input ends (for `&` in a shell script)",
            "  --sasl-ssl <file>      also a SASL_SSL listener (SCRAM-SHA-512, a throw-away CA) and a",
            "                         SCRAM user; writes the Kafka client properties to reach it (bootstrap.servers,",
            "                         security.protocol, ssl.truststore.*, sasl.mechanism, sasl.jaas.config) to",
            "                         <file> before the ready line",
            "  --help                 show this text");

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the bad argument; {@link #USAGE} says what is allowed
     */
    static LocalKafkaOptions parse(String... args) {
        int port = 9092;
        int brokers = 1;
        Path directory = null;
        Map<String, String> properties = new LinkedHashMap<>();
        boolean watchStdin = true;
        Path saslSsl = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port":
                    port = number(arg, value(args, ++i, arg));
                    break;
                case "--brokers":
                    brokers = number(arg, value(args, ++i, arg));
                    break;
                case "--dir":
                    directory = Paths.get(value(args, ++i, arg));
                    break;
                case "--property":
                    String property = value(args, ++i, arg);
                    int equals = property.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--property " + property + " is not key=value");
                    }
                    properties.put(property.substring(0, equals), property.substring(equals + 1));
                    break;
                case "--ignore-stdin":
                    watchStdin = false;
                    break;
                case "--sasl-ssl":
                    saslSsl = Paths.get(value(args, ++i, arg));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown argument " + arg);
            }
        }
        return new LocalKafkaOptions(port, brokers, Optional.ofNullable(directory), Map.copyOf(properties), watchStdin,
                Optional.ofNullable(saslSsl));
    }

    /**
     * The cluster these options describe, with fast fail-over: a restart on a kept directory then takes seconds,
     * not the 9 s session timeout more during which the controller refuses the brokers' new registrations.
     */
    KafkaClusterBuilder builder() {
        KafkaClusterBuilder builder = KafkaCluster.builder()
                .brokers(brokers)
                .firstBrokerPort(port)
                .fastFailover()
                .properties(properties)
                .exitJvmOnFatalFault(true);
        directory.ifPresent(builder::dataDirectory);
        if (saslSslClientProperties.isPresent()) {
            builder.saslSslListener(SaslMechanism.SCRAM_SHA_512);
        }
        return builder;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + " is not a number");
        }
    }
}
