package io.sluice.it.usability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.StoredBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sluice-console-producer} as a user runs it: lines piped into the script, which starts
 * {@code io.sluice.examples.ConsoleProducer} in a child JVM on the module path, against the testkit's
 * Kafka 4.4 broker; the official consumer reads back every key, value and header, and the broker's
 * stored batches show the codec. Failures reach standard error and the exit code.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleProducerEndToEndTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final List<String> MODULES = List.of("io.sluice.api", "io.sluice.core", "io.sluice.transport.nio",
            "io.sluice.codec.gzip", "io.sluice.examples", "org.slf4j", "org.slf4j.simple");

    private final SluiceScripts scripts = new SluiceScripts();

    @TempDir
    Path dir;

    @Test
    void keyedLinesWithHeadersArriveWithKeysValuesAndHeadersAndCompressionCodecAloneMeansGzip() throws Exception {
        String topic = kafka.createTopic("console-keyed", 3, 1);
        StringBuilder input = new StringBuilder();
        Map<String, Expected> expected = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String key = "key-" + i;
            String value = i % 10 == 3 ? "<null>" : "value " + i + " ünïcødé\twith a tab";
            String headers = "source:console,seq:" + i + (i % 7 == 0 ? ",seq:again,empty:" : "");
            input.append(headers).append('\t').append(key).append('\t').append(value).append('\n');
            List<String> hs = new ArrayList<>(List.of("source=console", "seq=" + i));
            if (i % 7 == 0) {
                hs.addAll(List.of("seq=again", "empty="));
            }
            expected.put(key, new Expected(value.equals("<null>") ? null : value, hs));
        }

        SluiceScripts.Result r = scripts.run("sluice-console-producer", MODULES, input.toString().getBytes(StandardCharsets.UTF_8),
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic,
                "--property", "parse.key=true", "--property", "parse.headers=true", "--property", "null.marker=<null>",
                "--compression-codec");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stderr()).as(r.toString()).doesNotContain("Error");
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, expected.size(), Duration.ofSeconds(60));
        assertThat(read).hasSize(expected.size());
        for (ConsumerRecord<byte[], byte[]> record : read) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            Expected e = expected.get(key);
            assertThat(e).as("unexpected key " + key).isNotNull();
            assertThat(record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)).as(key)
                    .isEqualTo(e.value);
            assertThat(headers(record)).as(key).isEqualTo(e.headers);
        }
        List<StoredBatch> batches = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            batches.addAll(kafka.cluster().storedBatches(topic, p));
        }
        assertThat(batches).isNotEmpty().allSatisfy(b -> assertThat(b.compressionName()).isEqualTo("gzip"));
    }

    @Test
    void producerConfigFileAndPropertiesApplyAndAutomaticModulesServeLz4OnTheModulePath() throws Exception {
        String topic = kafka.createTopic("console-config", 1, 1);
        Path config = dir.resolve("producer.properties");
        Files.writeString(config, "compression.type=gzip\nlinger.ms=0\nacks=1\n");
        List<String> modules = new ArrayList<>(MODULES);
        modules.addAll(List.of("io.sluice.codec.lz4", "org.lz4.java"));

        SluiceScripts.Result r = scripts.run("sluice-console-producer", modules, "a:1\nb:2\nc:3\n".getBytes(StandardCharsets.UTF_8),
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic, "--sync",
                "--producer.config", config.toString(), "--producer-property", "compression.type=lz4",
                "--property", "parse.key=true", "--property", "key.separator=:");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, 3, Duration.ofSeconds(60));
        assertThat(read).extracting(c -> new String(c.key(), StandardCharsets.UTF_8) + "=" + new String(c.value(),
                StandardCharsets.UTF_8)).containsExactly("a=1", "b=2", "c=3");
        // --sync sends one record at a time: one batch each; --producer-property wins over the file
        assertThat(kafka.cluster().storedBatches(topic, 0)).hasSize(3)
                .allSatisfy(b -> assertThat(b.compressionName()).isEqualTo("lz4"));
    }

    @Test
    void aRecordTheProducerRefusesIsReportedOnStandardErrorAndTheExitCodeIsOne() throws Exception {
        String topic = kafka.createTopic("console-too-large", 1, 1);
        String input = "k1\tsmall\nk2\t" + "x".repeat(5000) + "\nk3\tsmall too\n";

        SluiceScripts.Result r = scripts.run("sluice-console-producer", MODULES, input.getBytes(StandardCharsets.UTF_8),
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic, "--property", "parse.key=true",
                "--producer-property", "max.request.size=2000");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).as(r.toString())
                .contains("Error when sending message to topic " + topic + " with key: 2 bytes, value: 5000 bytes with error: ")
                .contains("RecordTooLargeException")
                .contains("max.request.size")
                .contains("1 of 3 records could not be sent to topic " + topic);
        assertThat(kafka.cluster().readAll(topic, 2, Duration.ofSeconds(60)))
                .extracting(c -> new String(c.value(), StandardCharsets.UTF_8)).containsExactly("small", "small too");
    }

    @Test
    void aLineWithoutTheKeySeparatorStopsReadingWithItsLineNumberAfterDeliveringTheLinesBefore() throws Exception {
        String topic = kafka.createTopic("console-bad-line", 1, 1);

        SluiceScripts.Result r = scripts.run("sluice-console-producer", MODULES,
                "k1\tv1\nk2\tv2\nno separator here\nk4\tv4\n".getBytes(StandardCharsets.UTF_8),
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic, "--property", "parse.key=true");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).as(r.toString())
                .contains("No key separator found on line number 3: 'no separator here'")
                .contains("parse.key=false");
        assertThat(kafka.cluster().readAll(topic, 2, Duration.ofSeconds(60)))
                .extracting(c -> new String(c.value(), StandardCharsets.UTF_8)).containsExactly("v1", "v2");
    }

    @Test
    void aMissingRequiredOptionIsNamedAndHelpListsTheOptions() throws Exception {
        SluiceScripts.Result missing = scripts.run("sluice-console-producer", MODULES, new byte[0], "--topic", "t");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.stderr()).contains("Missing required option --bootstrap-server");

        SluiceScripts.Result help = scripts.run("sluice-console-producer", MODULES, new byte[0], "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.stdout()).contains("--bootstrap-server", "--property", "--producer-property", "--producer.config",
                "--compression-codec", "--sync");
    }

    private static List<String> headers(ConsumerRecord<byte[], byte[]> record) {
        List<String> out = new ArrayList<>();
        for (Header h : record.headers()) {
            out.add(h.key() + "=" + (h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** What a line should become. */
    private record Expected(String value, List<String> headers) {
    }
}
