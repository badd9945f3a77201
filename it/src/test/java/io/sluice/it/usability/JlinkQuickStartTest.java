package io.sluice.it.usability;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sluice-jlink} builds a runtime image holding only the quick start's modules and runs
 * {@code QuickStart} from it against the testkit's broker; the official consumer reads the records back
 * and the broker's batches show the image's codec. Libraries that are only automatic modules (lz4) work
 * on a module path beside the image, as the README says. (jlink takes some seconds: one image for the class.)
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JlinkQuickStartTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    /** What the script needs: the image's modules and nothing else, so that anything extra would be noticed. */
    private static final List<String> MODULES = List.of("io.sluice.api", "io.sluice.core", "io.sluice.transport.nio",
            "io.sluice.codec.gzip", "io.sluice.examples", "org.slf4j", "org.slf4j.simple", "io.sluice.codec.lz4", "org.lz4.java");
    private static final Pattern SIZE = Pattern.compile("Runtime image (.+): ([0-9.]+) MB \\((\\d+) bytes\\)");

    private final SluiceScripts scripts = new SluiceScripts();

    @TempDir
    Path dir;

    @Test
    void theImageHoldsOnlyTheQuickStartsModulesAndRunsItWithGzipAndBesideItLz4() throws Exception {
        String topic = kafka.createTopic("jlink-quickstart", 1, 1);
        Path image = dir.resolve("image");

        SluiceScripts.Result r = scripts.run("sluice-jlink", MODULES, new byte[0], "--output", image.toString(), "--",
                "--bootstrap-server", kafka.bootstrapServers(), "--topic", topic, "--records", "7");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString())
                .contains("Modules: io.sluice.api io.sluice.codec.gzip io.sluice.core io.sluice.examples io.sluice.transport.nio "
                        + "java.base java.management org.slf4j org.slf4j.simple\n")
                .contains("7 records sent to " + topic + " with compression.type=gzip")
                .contains("runtime: " + image + " (Java");
        Matcher size = SIZE.matcher(r.stdout());
        assertThat(size.find()).as(r.toString()).isTrue();
        assertThat(Long.parseLong(size.group(3))).isEqualTo(bytesUnder(image)).isPositive();
        assertThat(Files.isRegularFile(image.resolve("lib").resolve("modules"))).isTrue();
        assertThat(Files.exists(image.resolve("jmods"))).as("a runtime image, not a JDK").isFalse();
        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(topic, 7, Duration.ofSeconds(60));
        assertThat(read).extracting(c -> new String(c.key(), StandardCharsets.UTF_8))
                .containsExactly("key-0", "key-1", "key-2", "key-3", "key-4", "key-5", "key-6");
        assertThat(kafka.cluster().storedBatches(topic, 0)).allSatisfy(b -> assertThat(b.compressionName()).isEqualTo("gzip"));

        // lz4 is not in the image (its library is an automatic module): it joins from a module path beside the image
        String lz4Topic = kafka.createTopic("jlink-lz4", 1, 1);
        SluiceScripts.Result lz4 = SluiceScripts.exec(List.of(image.resolve("bin").resolve("java").toString(),
                "--module-path", scripts.modulePath(List.of("io.sluice.codec.lz4", "org.lz4.java")),
                "--add-modules", "io.sluice.codec.lz4",
                "-m", "io.sluice.examples/io.sluice.examples.QuickStart", "--bootstrap-server", kafka.bootstrapServers(),
                "--topic", lz4Topic, "--records", "3", "--compression-type", "lz4"), Map.of(), new byte[0]);
        assertThat(lz4.exitCode()).as(lz4.toString()).isZero();
        assertThat(lz4.stdout()).contains("3 records sent to " + lz4Topic + " with compression.type=lz4");
        assertThat(kafka.cluster().readAll(lz4Topic, 3, Duration.ofSeconds(60))).hasSize(3);
        assertThat(kafka.cluster().storedBatches(lz4Topic, 0)).allSatisfy(b -> assertThat(b.compressionName()).isEqualTo("lz4"));

        // and without it, the image says what is missing
        SluiceScripts.Result missing = SluiceScripts.exec(List.of(image.resolve("bin").resolve("java").toString(),
                "-m", "io.sluice.examples/io.sluice.examples.QuickStart", "--bootstrap-server", kafka.bootstrapServers(),
                "--topic", lz4Topic, "--compression-type", "lz4"), Map.of(), new byte[0]);
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.stderr()).contains("compression.type=lz4").contains("sluice-codec-lz4");
    }

    @Test
    void codecsWhoseLibraryIsAnAutomaticModuleAreRefusedWithTheReason() throws Exception {
        SluiceScripts.Result r = scripts.run("sluice-jlink", MODULES, new byte[0], "--output", dir.resolve("x").toString(),
                "--codec", "lz4");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("automatic module").contains("use gzip or zstd");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private static long bytesUnder(Path root) throws java.io.IOException {
        try (var files = Files.walk(root)) {
            // symbolic links (legal/ notices shared between modules) are not counted twice
            return files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
