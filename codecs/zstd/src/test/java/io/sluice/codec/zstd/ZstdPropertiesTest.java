package io.sluice.codec.zstd;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.kafka.common.compress.Compression;

class ZstdPropertiesTest {

    private static final ZstdCompressor CODEC = new ZstdCompressor();

    @AfterContainer
    static void closeCodec() {
        CODEC.close();
    }

    @Property
    void kafkaReadsOurFramesAndWeReadKafkas(@ForAll("inputs") byte[] input, @ForAll("levels") int level,
                                            @ForAll CodecPaths path) throws Exception {
        Compression kafka = Compression.zstd().level(level).build();

        byte[] ours = path.compress(CODEC, input, level);

        assertThat(KafkaOracle.decompress(kafka, ours)).isEqualTo(input);
        assertThat(path.decompress(CODEC, ours)).isEqualTo(input);
        assertThat(path.decompress(CODEC, KafkaOracle.compress(kafka, input))).isEqualTo(input);
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(140_000);
        Arbitrary<byte[]> fewSymbols = Arbitraries.bytes().between((byte) 'a', (byte) 'd').array(byte[].class).ofMaxSize(140_000);
        return Arbitraries.oneOf(anyBytes, fewSymbols);
    }

    @Provide
    Arbitrary<Integer> levels() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-50, 12), Arbitraries.of(-131072, -1000));
    }
}
