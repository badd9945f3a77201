package io.sluice.it.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example partitioner plugin (module {@code io.sluice.examples.partitioner}, short name {@code by-region})
 * the way a user meets it: {@code CustomPartitionerDemo} runs in a fresh JVM against the testkit's broker and
 * only names the partitioner in {@code partitioner.class}. With the plugin's module on the module path (or its
 * jar on the class path) every record lands where the partitioner says, as the program reports and the
 * official consumer confirms; without it, creating the producer fails, naming {@code partitioner.class}.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CustomPartitionerModulePathTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final String DEMO = "io.sluice.examples.CustomPartitionerDemo";
    private static final List<String> REGIONS = List.of("eu", "us", "apac");
    private static final Pattern SENT = Pattern.compile(
            "^sent region=(\\S+) key=(\\S+) value=(\\S+) partition=(\\d+) offset=(\\d+)$", Pattern.MULTILINE);

    private final ModulePathLauncher launcher = new ModulePathLauncher();

    @Test
    void onTheModulePathTheExamplePartitionerIsFoundByNameAndEveryRecordLandsWhereItSays() throws Exception {
        String topic = kafka.createTopic("by-region-mp", 12, 1);
        ModulePathLauncher.Result r = launcher.runOnModulePath(modules(true), "io.sluice.examples/" + DEMO,
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.output()).as(r.toString())
                .contains("partitioner.class=by-region; topic " + topic + " has 12 partitions")
                .contains("failed region=mars key=customer-1 value=mars-1: Partitioner \"by-region\" "
                        + "(io.sluice.examples.partitioner.ByRegionPartitioner) threw java.lang.IllegalArgumentException "
                        + "(Unknown region \"mars\"; by-region.regions lists [eu, us, apac]) for a record of topic \""
                        + topic + "\"; the record was not sent.");
        assertEveryRecordLandedInItsRegionsSlice(topic, sentLines(r));
    }

    @Test
    void onTheClassPathTheExamplePartitionerIsFoundThroughMetaInfServices() throws Exception {
        String topic = kafka.createTopic("by-region-cp", 12, 1);
        ModulePathLauncher.Result r = launcher.runOnClassPath(modules(true), DEMO,
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertEveryRecordLandedInItsRegionsSlice(topic, sentLines(r));
    }

    @Test
    void withoutThePluginModuleCreatingTheProducerFailsNamingPartitionerClass() throws Exception {
        ModulePathLauncher.Result r = launcher.runOnModulePath(modules(false), "io.sluice.examples/" + DEMO,
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", kafka.uniqueTopic("never-created"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.output()).as(r.toString())
                .contains("Cannot create the producer: partitioner.class=by-region but no Partitioner named \"by-region\" "
                        + "and no class of that name is on the module path or class path.")
                .contains("provides io.sluice.api.spi.Partitioner with <class>")
                .contains("Available: ")
                .doesNotContain("sent region=");
    }

    private static Set<String> modules(boolean withPlugin) {
        Set<String> modules = new LinkedHashSet<>(List.of(
                "io.sluice.api", "io.sluice.core", "io.sluice.transport.nio", "io.sluice.examples", "org.slf4j"));
        if (withPlugin) {
            modules.add("io.sluice.examples.partitioner");
        }
        return modules;
    }

    /** The program's "sent" lines by record value: region, key, partition, offset. */
    private static Map<String, Sent> sentLines(ModulePathLauncher.Result r) {
        Map<String, Sent> sent = new LinkedHashMap<>();
        Matcher m = SENT.matcher(r.output());
        while (m.find()) {
            sent.put(m.group(3), new Sent(m.group(1), m.group(2), Integer.parseInt(m.group(4)), Long.parseLong(m.group(5))));
        }
        assertThat(sent.keySet()).as(r.toString()).containsExactlyInAnyOrder(
                "eu-1", "eu-2", "eu-3", "eu-4", "us-1", "us-2", "us-3", "us-4",
                "apac-1", "apac-2", "apac-3", "apac-4", "none-1", "none-2");
        return sent;
    }

    private static void assertEveryRecordLandedInItsRegionsSlice(String topic, Map<String, Sent> sent) {
        Map<String, Integer> withinSliceByKey = new LinkedHashMap<>();
        for (Sent s : sent.values()) {
            int index = REGIONS.indexOf(s.region);
            if (index >= 0) {
                assertThat(s.partition).as(s.toString()).isBetween(index * 4, index * 4 + 3);
                // the same key gets the same place within each region's slice
                int within = s.partition - index * 4;
                assertThat(withinSliceByKey.computeIfAbsent(s.key, k -> within)).as(s.toString()).isEqualTo(within);
            }
        }
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, sent.size(), Duration.ofSeconds(60));
        assertThat(read).hasSize(sent.size());
        for (ConsumerRecord<byte[], byte[]> record : read) {
            Sent s = sent.get(new String(record.value(), StandardCharsets.UTF_8));
            assertThat(s).as("a record the program did not report as sent").isNotNull();
            assertThat(record.partition()).as(s.toString()).isEqualTo(s.partition);
            assertThat(record.offset()).as(s.toString()).isEqualTo(s.offset);
            String region = record.headers().lastHeader("region") == null ? "-"
                    : new String(record.headers().lastHeader("region").value(), StandardCharsets.UTF_8);
            assertThat(region).as(s.toString()).isEqualTo(s.region);
        }
    }

    /** One "sent" line of the program. */
    private record Sent(String region, String key, int partition, long offset) {
    }
}
