package io.sluice.codec.snappy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.kafka.common.compress.Compression;
import org.xerial.snappy.Snappy;

class SnappyPropertiesTest {

    private static final SnappyCompressor CODEC = new SnappyCompressor();

    @AfterContainer
    static void closeCodec() {
        CODEC.close();
    }

    @Property
    void kafkaReadsOurBytesAndTheyAreKafkasOwn(@ForAll("inputs") byte[] input, @ForAll CodecPaths path) throws Exception {
        Compression kafka = Compression.snappy().build();

        byte[] ours = path.compress(CODEC, input, 0);

        assertThat(ours).isEqualTo(KafkaOracle.compress(kafka, input));
        assertThat(path.decompress(CODEC, ours)).isEqualTo(input);
        assertThat(path.decompress(CODEC, Snappy.compress(input))).as("a raw block, as librdkafka writes").isEqualTo(input);
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        // Small alphabets compress; the full byte range mostly does not: both matter.
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(140_000);
        Arbitrary<byte[]> fewSymbols = Arbitraries.bytes().between((byte) 'a', (byte) 'd').array(byte[].class).ofMaxSize(140_000);
        return Arbitraries.oneOf(anyBytes, fewSymbols);
    }
}
