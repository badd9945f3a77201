package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDistributionTest {

    @TempDir
    Path temp;

    @Test
    void shouldTakeThisJvmsKafkaFromSurefiresTestClassPath() {
        KafkaDistribution current = KafkaDistribution.current();

        assertThat(current.version()).isEqualTo("4.4.0");
        assertThat(current.classPath()).anySatisfy(entry ->
                assertThat(entry.getFileName().toString()).isEqualTo("kafka_2.13-4.4.0.jar"));
    }

    @Test
    void shouldTakeKafka39FromItsOwnDirectoryWithNoJarOfKafka44() {
        KafkaDistribution kafka39 = KafkaDistribution.kafka39();

        assertThat(kafka39.version()).isEqualTo(System.getProperty("sluice.kafka39.version"));
        assertThat(kafka39.classPath()).extracting(entry -> entry.getFileName().toString())
                .contains("kafka_2.13-" + kafka39.version() + ".jar", "slf4j-reload4j-1.7.36.jar")
                .noneMatch(name -> name.contains("4.4.0"));
    }

    @Test
    void shouldFindKafka39BesideTheTestkitsClassesWhenThePropertyIsNotSet() {
        String property = System.clearProperty(KafkaDistribution.KAFKA_39_DIR_PROPERTY);
        try {
            assertThat(KafkaDistribution.kafka39().classPath().get(0).getParent().getFileName())
                    .hasToString("kafka-3.9");
        } finally {
            System.setProperty(KafkaDistribution.KAFKA_39_DIR_PROPERTY, property);
        }
    }

    @Test
    void shouldRefuseADirectoryWithoutKafkaClients() throws Exception {
        Files.createFile(temp.resolve("scala-library-2.13.15.jar"));

        assertThatThrownBy(() -> KafkaDistribution.fromDirectory(temp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No kafka-clients-<version>.jar in " + temp);
    }
}
