package io.sluice.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.errors.PluginNotFoundException;
import io.sluice.api.spi.Compressor;
import io.sluice.api.spi.Partitioner;
import io.sluice.api.spi.Serializer;
import io.sluice.api.spi.TransportProvider;
import io.sluice.core.compress.NoCompression;
import io.sluice.core.serialize.SerializerAliases;
import io.sluice.core.serialize.StringSerializer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs on the module path (io.sluice.core with its provides), so these lookups go through ServiceLoader. */
class PluginRegistryTest {

    private final PluginRegistry registry = new PluginRegistry();

    @Test
    void shouldFindBuiltInSerializersByShortNameThroughServiceLoader() {
        Serializer<?> s = registry.resolve(Serializer.class, "key.serializer", "string", Map.of());
        assertThat(s).isInstanceOf(StringSerializer.class);
        assertThat(registry.available(Serializer.class)).extracting(PluginCandidate::name)
                .contains("string", "bytearray", "bytebuffer", "integer", "long", "short", "double", "float", "uuid", "void");
    }

    @Test
    void shouldMapKafkasSerializerClassNamesToTheBuiltInEquivalents() {
        Serializer<?> s = registry.resolve(Serializer.class, "value.serializer",
                "org.apache.kafka.common.serialization.StringSerializer", SerializerAliases.KAFKA_CLASS_NAMES);
        assertThat(s).isInstanceOf(StringSerializer.class);
    }

    @Test
    void shouldFindAProviderByItsClassName() {
        assertThat(registry.resolve(Compressor.class, "compression.type", NoCompression.class.getName(), Map.of()))
                .isInstanceOf(NoCompression.class);
    }

    @Test
    void shouldUseGivenInstancesAndClassesAsTheyAre() {
        StringSerializer mine = new StringSerializer();
        assertThat(registry.resolve(Serializer.class, "key.serializer", mine, Map.of())).isSameAs(mine);
        assertThat(registry.resolve(Serializer.class, "key.serializer", UpperCaseSerializer.class, Map.of()))
                .isInstanceOf(UpperCaseSerializer.class);
    }

    @Test
    void shouldLoadAClassThatIsNotAProviderByReflection() {
        assertThat(registry.resolve(Serializer.class, "key.serializer", UpperCaseSerializer.class.getName(), Map.of()))
                .isInstanceOf(UpperCaseSerializer.class);
    }

    @Test
    void shouldGiveEachKeyItsOwnInstanceOfTheSamePlugin() {
        Serializer<?> a = registry.resolve(Serializer.class, "key.serializer", "string", Map.of());
        Serializer<?> b = registry.resolve(Serializer.class, "value.serializer", "string", Map.of());
        assertThat(a).isNotSameAs(b).isInstanceOf(StringSerializer.class);
        assertThat(b).isInstanceOf(StringSerializer.class);
    }

    @Test
    void shouldNameTheArtifactToAddWhenAKnownCodecIsMissing() {
        assertThatThrownBy(() -> registry.resolve(Compressor.class, "compression.type", "zstd", Map.of()))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageStartingWith("compression.type=zstd but no Compressor named \"zstd\" is on the module path or "
                        + "class path; add io.sluice:sluice-codec-zstd.")
                .hasMessageContaining("Available: none (io.sluice.core.compress.NoCompression in module io.sluice.core)");
    }

    @Test
    void shouldNameTheArtifactToAddWhenAKnownPartitionerOrTheTransportIsMissing() {
        assertThatThrownBy(() -> registry.resolve(Partitioner.class, "partitioner.class", "round-robin", Map.of()))
                .hasMessageStartingWith("partitioner.class=round-robin but no Partitioner named \"round-robin\" is on the "
                        + "module path or class path; add io.sluice:sluice-partitioners.");
        assertThatThrownBy(() -> registry.resolve(TransportProvider.class, "sluice.transport", "nio", Map.of()))
                .hasMessageStartingWith("sluice.transport=nio but no TransportProvider named \"nio\" is on the module path "
                        + "or class path; add io.sluice:sluice-transport-nio.");
    }

    @Test
    void shouldExplainHowToRegisterAPluginWhenAnUnknownNameIsAskedFor() {
        assertThatThrownBy(() -> registry.resolve(Compressor.class, "compression.type", "brotli", Map.of()))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageContaining("compression.type=brotli but no Compressor named \"brotli\" and no class of that name")
                .hasMessageContaining("provides io.sluice.api.spi.Compressor with <class>")
                .hasMessageContaining("META-INF/services/io.sluice.api.spi.Compressor");
    }

    @Test
    void shouldRefuseAClassOfTheWrongType() {
        assertThatThrownBy(() -> registry.resolve(Compressor.class, "compression.type", StringSerializer.class, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("compression.type=io.sluice.core.serialize.StringSerializer is not a io.sluice.api.spi.Compressor; "
                        + "the class must implement that interface");
    }

    @Test
    void shouldExplainAClassWithoutANoArgumentConstructor() {
        assertThatThrownBy(() -> registry.resolve(Serializer.class, "key.serializer", NeedsArgumentSerializer.class, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has no public no-argument constructor");
    }

    /** A serializer that is not registered as a provider. */
    public static final class UpperCaseSerializer implements Serializer<String> {
        @Override
        public byte[] serialize(String topic, String data) {
            return data == null ? null : data.toUpperCase().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A serializer that cannot be created by name. */
    public static final class NeedsArgumentSerializer implements Serializer<String> {
        private final String prefix;

        public NeedsArgumentSerializer(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public byte[] serialize(String topic, String data) {
            return (prefix + data).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
