package io.sluice.codec.gzip;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.kafka.common.compress.Compression;

class GzipPropertiesTest {

    private static final GzipCompressor CODEC = new GzipCompressor();

    @AfterContainer
    static void closeCodec() {
        CODEC.close();
    }

    @Property
    void kafkaReadsOurBytesAndTheyAreKafkasOwn(@ForAll("inputs") byte[] input, @ForAll("levels") int level,
                                              @ForAll CodecPaths path) throws Exception {
        Compression kafka = Compression.gzip().level(level).build();

        byte[] ours = path.compress(CODEC, input, level);

        assertThat(ours).isEqualTo(KafkaOracle.compress(kafka, input));
        assertThat(path.decompress(CODEC, ours)).isEqualTo(input);
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        // Small alphabets compress; the full byte range mostly does not: both matter.
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(70_000);
        Arbitrary<byte[]> fewSymbols = Arbitraries.bytes().between((byte) 'a', (byte) 'd').array(byte[].class).ofMaxSize(70_000);
        return Arbitraries.oneOf(anyBytes, fewSymbols);
    }

    @Provide
    Arbitrary<Integer> levels() {
        return Arbitraries.of(-1, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
