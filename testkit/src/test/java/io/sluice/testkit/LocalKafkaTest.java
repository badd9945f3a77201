package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalKafkaTest {

    @TempDir
    Path temp;

    @Test
    void shouldPrintOneReadyLineServeClientsAndStopWhenStandardInputCloses() throws Exception {
        int port = FreePorts.pick(1).get(0);
        Process process = new ProcessBuilder(javaCommand("--port", Integer.toString(port)))
                .redirectError(temp.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = stdout.readLine();

            assertThat(ready).isEqualTo("Kafka 4.4.0 ready at 127.0.0.1:" + port);
            String bootstrap = "127.0.0.1:" + port;
            String topic = TopicNames.unique("local");
            try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create(bootstrap, Map.of())) {
                // the broker's default auto.create.topics.enable=true creates the topic
                OfficialProducer.sendAll(producer, List.of(new ProducerRecord<>(topic, "hello".getBytes(StandardCharsets.UTF_8))));
            }
            assertThat(TopicReader.readAll(bootstrap, topic, 1, Duration.ofSeconds(30)))
                    .extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("hello");

            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after stdin closes").isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(stdout.readLine()).as("nothing more on stdout").isNull();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldWriteClientPropertiesThatProduceAndConsumeOverItsSaslSslListener() throws Exception {
        int port = FreePorts.pick(1).get(0);
        Path file = temp.resolve("sasl-ssl.properties");
        Process process = new ProcessBuilder(javaCommand("--port", Integer.toString(port), "--sasl-ssl", file.toString()))
                .redirectError(temp.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(stdout.readLine()).isEqualTo("Kafka 4.4.0 ready at 127.0.0.1:" + port);
            Properties written = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                written.load(in);
            }
            Map<String, Object> client = new HashMap<>();
            written.forEach((k, v) -> client.put((String) k, v));

            assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKeys("bootstrap.servers", "ssl.truststore.location", "ssl.truststore.password", "sasl.jaas.config");
            assertThat((String) client.get("bootstrap.servers")).isNotEqualTo("127.0.0.1:" + port);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            String topic = TopicNames.unique("local-sasl-ssl");
            try (KafkaProducer<byte[], byte[]> producer = OfficialProducer.create((String) client.get("bootstrap.servers"), client)) {
                OfficialProducer.sendAll(producer, List.of(new ProducerRecord<>(topic, "secured".getBytes(StandardCharsets.UTF_8))));
            }
            assertThat(TopicReader.readAll(client, topic, 1, Duration.ofSeconds(30)))
                    .extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("secured");
        } finally {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void shouldExitWithStatusTwoAndTheUsageOnABadArgument() throws Exception {
        Process process = new ProcessBuilder(javaCommand("--brokers", "many"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--brokers many is not a number").contains("Usage:");
    }

    private static List<String> javaCommand(String... args) {
        String classPath = KafkaDistribution.current().classPath().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new java.util.ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classPath,
                LocalKafka.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
