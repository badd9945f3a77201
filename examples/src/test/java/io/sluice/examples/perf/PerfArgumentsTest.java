package io.sluice.examples.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.examples.perf.PerfOptions.KeyDistribution;
import io.sluice.examples.perf.PerfOptions.PayloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerfArgumentsTest {

    @Test
    void shouldParseKafkasCommandLineWithSeveralCommandPropertiesUpToTheNextOption() {
        PerfOptions o = PerfOptions.parse("--topic", "perf", "--num-records", "5000000", "--record-size", "100",
                "--throughput", "-1", "--command-property", "acks=1", "linger.ms=5", "batch.size=65536",
                "--bootstrap-server", "127.0.0.1:9092", "--print-metrics", "--reporting-interval", "1000");

        assertThat(o.topic()).isEqualTo("perf");
        assertThat(o.numRecords()).isEqualTo(5_000_000L);
        assertThat(o.payload()).isEqualTo(new PayloadSpec.RandomLetters(100));
        assertThat(o.throughput()).isEqualTo(-1.0);
        assertThat(o.properties()).containsExactly("acks=1", "linger.ms=5", "batch.size=65536");
        assertThat(o.bootstrapServer()).isEqualTo("127.0.0.1:9092");
        assertThat(o.printMetrics()).isTrue();
        assertThat(o.reportingIntervalMs()).isEqualTo(1000L);
        assertThat(o.warmupRecords()).isZero();
        assertThat(o.keys()).isEqualTo(PerfOptions.KeySpec.NONE);
        assertThat(o.warnings()).isEmpty();
    }

    @Test
    void shouldAcceptTheOlderProducerPropsAndProducerConfigWithKafkasDeprecationNotices() {
        PerfOptions o = PerfOptions.parse("--topic=t", "--num-records=10", "--payload-monotonic", "--throughput=500",
                "--producer-props", "bootstrap.servers=h:1", "sasl.jaas.config=a=b", "--producer.config", "p.properties");

        assertThat(o.properties()).containsExactly("bootstrap.servers=h:1", "sasl.jaas.config=a=b");
        assertThat(o.configFile()).isEqualTo("p.properties");
        assertThat(o.payload()).isInstanceOf(PayloadSpec.Monotonic.class);
        assertThat(o.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("has been deprecated"));
    }

    @Test
    void shouldReadPayloadFileDelimiterAndKeyOptions() {
        PerfOptions o = PerfOptions.parse("--topic", "t", "--num-records", "10", "--throughput", "-1",
                "--bootstrap-server", "h:1", "--payload-file", "f.txt", "--payload-delimiter", ",",
                "--key-distribution", "random", "--record-key-range", "1000", "--random-seed", "7",
                "--warmup-records", "3");

        assertThat(o.payload()).isEqualTo(new PayloadSpec.FromFile("f.txt", ","));
        assertThat(o.keys().distribution()).isEqualTo(KeyDistribution.RANDOM);
        assertThat(o.keys().range()).isEqualTo(1000);
        assertThat(o.randomSeed()).isEqualTo(7L);
        assertThat(o.warmupRecords()).isEqualTo(3L);
        assertThat(PerfOptions.parse("--topic", "t", "--num-records", "1", "--throughput", "-1", "--bootstrap-server", "h:1",
                "--payload-file", "f.txt").payload()).isEqualTo(new PayloadSpec.FromFile("f.txt", "\n"));
    }

    @Test
    void shouldRefuseWithKafkasMessages() {
        assertRefused("Either --record-size, --payload-file or --payload-monotonic is missing",
                List.of("--topic", "t", "--num-records", "1", "--throughput", "-1", "--bootstrap-server", "h:1"),
                "exactly one of --record-size, --payload-file or --payload-monotonic; none was given");
        assertRefused("two payload sources",
                List.of("--topic", "t", "--num-records", "1", "--throughput", "-1", "--bootstrap-server", "h:1",
                        "--record-size", "10", "--payload-monotonic"), "2 were given");
        assertRefused("no cluster anywhere",
                List.of("--topic", "t", "--num-records", "1", "--throughput", "-1", "--record-size", "10"),
                "At least one of --bootstrap-server, --command-property, --producer-props, --producer.config or "
                        + "--command-config must be specified.");
        assertRefused("old and new property options together",
                List.of("--topic", "t", "--num-records", "1", "--throughput", "-1", "--record-size", "10",
                        "--command-property", "a=b", "--producer-props", "c=d"),
                "--command-property and --producer-props cannot be specified together.");
        assertRefused("zero records",
                List.of("--topic", "t", "--num-records", "0", "--throughput", "-1", "--record-size", "10",
                        "--bootstrap-server", "h:1"), "--num-records should be greater than zero.");
        assertRefused("warm-up longer than the run",
                List.of("--topic", "t", "--num-records", "5", "--warmup-records", "5", "--throughput", "-1",
                        "--record-size", "10", "--bootstrap-server", "h:1"),
                "The value for --warmup-records must be strictly fewer than the number of records in the test");
        assertRefused("key range without distribution",
                List.of("--topic", "t", "--num-records", "5", "--throughput", "-1", "--record-size", "10",
                        "--bootstrap-server", "h:1", "--record-key-range", "9"),
                "--key-distribution must be 'range' or 'random' when --record-key-range is specified.");
        assertRefused("unknown option",
                List.of("--topic", "t", "--num-records", "5", "--throughput", "-1", "--record-size", "10",
                        "--bootstrap-server", "h:1", "--acks", "1"), "unrecognized argument: '--acks'");
        assertRefused("a missing value",
                List.of("--topic", "t", "--num-records", "--throughput", "-1"), "argument --num-records: expected one argument");
        assertRefused("a throughput of zero",
                List.of("--topic", "t", "--num-records", "5", "--throughput", "0", "--record-size", "10",
                        "--bootstrap-server", "h:1"), "would never send a record");
        assertRefused("transactions",
                List.of("--topic", "t", "--num-records", "5", "--throughput", "-1", "--record-size", "10",
                        "--bootstrap-server", "h:1", "--transactional-id", "x"),
                "--transactional-id asks for transactions, which Sluice's producer does not support yet");
    }

    @Test
    void shouldMergeConfigFileThenPropertiesThenBootstrapServerAndForceByteArraySerializers(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("producer.properties");
        Files.writeString(file, "bootstrap.servers=file:1\nacks=0\nlinger.ms=100\nvalue.serializer=string\n");
        PerfOptions o = PerfOptions.parse("--topic", "t", "--num-records", "1", "--throughput", "-1", "--record-size", "1",
                "--command-config", file.toString(), "--command-property", "acks=all", "--bootstrap-server", "cli:2");

        Map<String, Object> config = ProducerProperties.of(o);

        assertThat(config).containsEntry("bootstrap.servers", "cli:2").containsEntry("acks", "all")
                .containsEntry("linger.ms", "100").containsEntry("key.serializer", "bytearray")
                .containsEntry("value.serializer", "bytearray").containsEntry("client.id", "perf-producer-client");
    }

    @Test
    void shouldNameTheFileThatCannotBeRead(@TempDir Path dir) {
        PerfOptions o = PerfOptions.parse("--topic", "t", "--num-records", "1", "--throughput", "-1", "--record-size", "1",
                "--command-config", dir.resolve("missing.properties").toString());

        assertThatThrownBy(() -> ProducerProperties.of(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.properties").hasMessageContaining("--command-config");
    }

    private static void assertRefused(String why, List<String> args, String message) {
        assertThatThrownBy(() -> PerfOptions.parse(args.toArray(String[]::new)))
                .as(why).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
