package io.sluice.bench.side;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command lines of the three producers for one scenario, built so that only the producer differs:
 * both Java tools get Kafka's {@code kafka-producer-perf-test} arguments and the JVM options Kafka's scripts
 * give that tool ({@code -Xmx512M} and {@code kafka-run-class.sh}'s G1 settings), plus the measuring agent;
 * kcat gets the same settings under librdkafka's names and reads the same kind of payload from a file.
 * Every command runs under {@code /usr/bin/time}, which writes wall, user and system time and peak RSS.
 * Immutable.
 */
final class Commands {

    /** kafka-producer-perf-test.sh's heap and kafka-run-class.sh's KAFKA_JVM_PERFORMANCE_OPTS (JDK 17). */
    static final List<String> JAVA_TOOL_OPTIONS = List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");
    static final String TIME_FORMAT = "%e %U %S %M";

    private final String sluiceModulePath;
    private final String officialClassPath;
    private final Path probeJar;
    private final String kcat;
    private final List<String> extraSluiceOptions;

    /**
     * @param kcat               the kcat executable, or null when it is not installed
     * @param extraSluiceOptions more JVM options for Sluice's tool only (e.g. a JFR recording for the profile)
     */
    Commands(String sluiceModulePath, String officialClassPath, Path probeJar, String kcat, List<String> extraSluiceOptions) {
        this.sluiceModulePath = sluiceModulePath;
        this.officialClassPath = officialClassPath;
        this.probeJar = probeJar;
        this.kcat = kcat;
        this.extraSluiceOptions = List.copyOf(extraSluiceOptions);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    boolean hasKcat() {
        return kcat != null;
    }

    List<String> command(Contender who, Scenario s, LocalBroker.Endpoint endpoint, String topic, RunFiles files) {
        String bootstrap = endpoint.bootstrap();
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", TIME_FORMAT, "-o", files.time().toString()));
        switch (who) {
            case SLUICE:
                cmd.add(java());
                cmd.addAll(JAVA_TOOL_OPTIONS);
                cmd.addAll(extraSluiceOptions);
                cmd.addAll(List.of("-javaagent:" + probeJar + "=" + files.probe(), "--add-modules", "jdk.management",
                        "--module-path", sluiceModulePath, "--add-modules", "HdrHistogram",
                        "--module", "io.sluice.examples/io.sluice.examples.ProducerPerformance"));
                cmd.addAll(perfToolArguments(s, endpoint, topic, files.javaPayload()));
                break;
            case OFFICIAL:
                cmd.add(java());
                cmd.addAll(JAVA_TOOL_OPTIONS);
                cmd.addAll(List.of("-javaagent:" + probeJar + "=" + files.probe(), "-cp", officialClassPath,
                        "org.apache.kafka.tools.ProducerPerformance"));
                cmd.addAll(perfToolArguments(s, endpoint, topic, files.javaPayload()));
                break;
            case LIBRDKAFKA:
                if (endpoint.clientConfig() != null) {
                    throw new IllegalArgumentException("kcat runs over PLAINTEXT only here; " + s.name() + " is secured");
                }
                cmd.addAll(List.of(kcat, "-P", "-b", bootstrap, "-t", topic, "-l", files.payload().toString()));
                for (Map.Entry<String, String> e : s.librdkafkaProperties().entrySet()) {
                    cmd.addAll(List.of("-X", e.getKey() + "=" + e.getValue()));
                }
                break;
            default:
                throw new IllegalArgumentException("No command for " + who);
        }
        return cmd;
    }

    /**
     * The same kafka-producer-perf-test arguments for both Java tools; a secured endpoint's client properties
     * (security.protocol, ssl.truststore.*, sasl.*) come from its file through {@code --command-config}.
     *
     * @param javaPayload the {@code --payload-file} of a scenario with payload lines, else null ({@code --record-size})
     */
    static List<String> perfToolArguments(Scenario s, LocalBroker.Endpoint endpoint, String topic, Path javaPayload) {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(s.records())));
        if (s.payloadLines() > 0) {
            args.addAll(List.of("--payload-file", javaPayload.toString()));
        } else {
            args.addAll(List.of("--record-size", Integer.toString(Scenario.RECORD_SIZE)));
        }
        args.addAll(List.of("--throughput", Integer.toString(s.throughput()),
                "--bootstrap-server", endpoint.bootstrap(), "--reporting-interval", "1000"));
        if (s.warmupRecords() > 0) {
            args.addAll(List.of("--warmup-records", Long.toString(s.warmupRecords())));
        }
        if (endpoint.clientConfig() != null) {
            args.addAll(List.of("--command-config", endpoint.clientConfig().toString()));
        }
        args.add("--command-property");
        for (Map.Entry<String, String> e : s.javaProperties().entrySet()) {
            args.add(e.getKey() + "=" + e.getValue());
        }
        return args;
    }

    /** Where one run's side files go; {@code javaPayload} is null unless the scenario has payload lines. */
    record RunFiles(Path time, Path probe, Path payload, Path javaPayload) {
    }
}
