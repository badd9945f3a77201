package io.sluice.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaCluster;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.fault.Direction;
import io.sluice.testkit.fault.FaultProxy;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload: eight threads send as fast as they can while every frame to the brokers is delayed. In a
 * producer JVM with {@code -Xmx256m} the heap stays bounded (no OutOfMemoryError: it exits normally),
 * sends block and then fail with BufferExhaustedException as max.block.ms says, and every acknowledged
 * record is read back by the official consumer exactly once.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OverloadTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = FaultRun.cluster();

    @Test
    void eightThreadsAgainstASlowedBrokerStayWithinHeapBlockAndLoseNothingAcknowledged() throws Exception {
        KafkaCluster cluster = kafka.cluster();
        String topic = FaultRun.createTopic(kafka, "overload");
        for (FaultProxy proxy : cluster.proxies()) {
            proxy.delay(Direction.CLIENT_TO_BROKER, Duration.ofMillis(150));
        }
        Map<String, String> result;
        try {
            result = runProducerJvm(cluster.bootstrapServers(), topic, 15);
        } finally {
            cluster.proxies().forEach(FaultProxy::heal);
        }
        System.out.println("Overload: " + result.entrySet().stream().filter(e -> !e.getKey().equals("acked-ids")).toList());
        BitSet acked = BitSet.valueOf(HexFormat.of().parseHex(result.get("acked-ids")));
        assertThat(Long.parseLong(result.get("exhausted"))).as("the buffer filled up and sends gave up after max.block.ms")
                .isPositive();
        assertThat(Long.parseLong(result.get("peakHeapMb"))).isLessThan(256);
        assertThat(acked.cardinality()).isEqualTo(Integer.parseInt(result.get("acked")));

        List<ConsumerRecord<byte[], byte[]>> read = cluster.readAll(topic, acked.cardinality(), Duration.ofSeconds(120));
        BitSet seen = new BitSet();
        int duplicates = 0;
        for (ConsumerRecord<byte[], byte[]> r : read) {
            int id = Integer.parseInt(new String(r.key(), StandardCharsets.US_ASCII));
            if (seen.get(id)) {
                duplicates++;
            }
            seen.set(id);
        }
        BitSet lost = (BitSet) acked.clone();
        lost.andNot(seen);
        assertThat(lost.cardinality()).as("acknowledged but not read").isZero();
        assertThat(duplicates).isZero();
    }

    private static Map<String, String> runProducerJvm(String bootstrap, String topic, int seconds) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", cp,
                OverloadProducerMain.class.getName(), bootstrap, topic, Integer.toString(seconds))
                .redirectError(new File("target/overload-producer.err"))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(4, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("producer JVM exit (3 = OutOfMemoryError); stdout: %s", out).isZero();
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line in: " + out));
        Map<String, String> result = new HashMap<>();
        for (String part : line.substring(7).split(" ")) {
            int eq = part.indexOf('=');
            result.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return result;
    }
}
