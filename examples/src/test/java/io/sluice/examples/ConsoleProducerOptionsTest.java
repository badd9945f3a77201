package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka 4.4's console producer options: names, defaults, precedence, the gzip default of --compression-codec. */
class ConsoleProducerOptionsTest {

    @TempDir
    Path dir;

    private static ConsoleProducerOptions parse(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--bootstrap-server";
        args[1] = "localhost:9092";
        args[2] = "--topic";
        args[3] = "orders";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return ConsoleProducerOptions.parse(args);
    }

    @Test
    void kafkasDefaultsApplyWhenNothingElseSetsTheKey() {
        Map<String, Object> config = parse().producerConfig();
        assertThat(config).containsEntry("bootstrap.servers", "localhost:9092")
                .containsEntry("client.id", "console-producer")
                .containsEntry("compression.type", "none")
                .containsEntry("linger.ms", "1000")
                .containsEntry("acks", "-1")
                .containsEntry("request.timeout.ms", "1500")
                .containsEntry("retries", "3")
                .containsEntry("retry.backoff.ms", "100")
                .containsEntry("send.buffer.bytes", "102400")
                .containsEntry("buffer.memory", "33554432")
                .containsEntry("batch.size", "16384")
                .containsEntry("metadata.max.age.ms", "300000")
                .containsEntry("max.block.ms", "60000")
                .containsEntry("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer")
                .containsEntry("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
    }

    @Test
    void producerPropertiesWinOverTheFileAndToolOptionsWinOverBothOnlyWhenGiven() throws IOException {
        Path file = dir.resolve("producer.properties");
        Files.writeString(file, "linger.ms=5\nacks=1\nclient.id=from-file\nbatch.size=1000\n");
        Map<String, Object> config = parse("--producer.config", file.toString(), "--producer-property", "acks=0",
                "--producer-property", "enable.idempotence=false", "--batch-size", "2000").producerConfig();
        assertThat(config).containsEntry("linger.ms", "5") // the file's, since --timeout was not given
                .containsEntry("acks", "0") // --producer-property over the file
                .containsEntry("client.id", "from-file")
                .containsEntry("enable.idempotence", "false")
                .containsEntry("batch.size", "2000"); // a given tool option wins
        assertThat(parse("--producer-property", "acks=1", "--request-required-acks", "all").producerConfig())
                .containsEntry("acks", "all");
    }

    @Test
    void theNewNamesOfKip1147AreAliases() throws IOException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "linger.ms=7\n");
        ConsoleProducerOptions options = parse("--command-config", file.toString(), "--command-property", "acks=1",
                "--reader-property", "parse.key=true");
        assertThat(options.producerConfig()).containsEntry("linger.ms", "7").containsEntry("acks", "1");
        assertThat(options.readerProperties()).containsEntry("parse.key", "true");
    }

    @Test
    void compressionCodecWithoutAValueIsGzipAsInKafka() {
        assertThat(parse("--compression-codec").producerConfig()).containsEntry("compression.type", "gzip");
        assertThat(parse("--compression-codec", "--sync").producerConfig()).containsEntry("compression.type", "gzip");
        assertThat(parse("--compression-codec", "--sync").sync()).isTrue();
        assertThat(parse("--compression-codec=").producerConfig()).containsEntry("compression.type", "gzip");
        assertThat(parse("--compression-codec", "LZ4").producerConfig()).containsEntry("compression.type", "lz4");
        assertThat(parse("--compression-codec=zstd").producerConfig()).containsEntry("compression.type", "zstd");
        assertThat(parse("--producer-property", "compression.type=snappy").producerConfig())
                .as("without the option, a compression.type property stays").containsEntry("compression.type", "snappy");
    }

    @Test
    void readerPropertiesComeFromTheFileThenProperty() throws IOException {
        Path file = dir.resolve("reader.properties");
        Files.writeString(file, "parse.key=true\nkey.separator=|\n");
        Map<String, String> props = parse("--reader-config", file.toString(), "--property", "key.separator=::",
                "--property", "parse.headers=true").readerProperties();
        assertThat(props).containsEntry("parse.key", "true").containsEntry("key.separator", "::")
                .containsEntry("parse.headers", "true");
        assertThat(parse("--property", "key.separator= ").readerProperties()).as("values are not trimmed")
                .containsEntry("key.separator", " ");
    }

    @Test
    void uniquePrefixesWorkAsWithKafkasOptionParser() {
        ConsoleProducerOptions options = ConsoleProducerOptions.parse("--bootstrap", "h:1", "--top", "t", "--sy");
        assertThat(options.topic()).isEqualTo("t");
        assertThat(options.sync()).isTrue();
        assertThat(options.producerConfig()).containsEntry("bootstrap.servers", "h:1");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> ConsoleProducerOptions.parse("--topic", "t"))
                .hasMessage("Missing required option --bootstrap-server");
        assertThatThrownBy(() -> parse("--no-such-option", "1")).hasMessage("--no-such-option is not a recognized option; see --help");
        assertThatThrownBy(() -> parse("--m", "1")).hasMessageContaining("--m is ambiguous");
        assertThatThrownBy(() -> parse("--timeout")).hasMessage("Option --timeout requires a value");
        assertThatThrownBy(() -> parse("--producer-property", "acks")).hasMessageContaining("expects key=value");
        assertThatThrownBy(() -> parse("stray")).hasMessageContaining("Unexpected argument 'stray'");
        assertThatThrownBy(() -> parse("--line-reader", "com.example.MyReader")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> parse("--producer.config", dir.resolve("missing").toString()).producerConfig())
                .hasMessageEndingWith("missing: no such file");
    }

    @Test
    void helpNeedsNoOtherOption() {
        assertThat(ConsoleProducerOptions.parse("--help").help()).isTrue();
    }
}
