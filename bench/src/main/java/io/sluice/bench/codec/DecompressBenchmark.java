package io.sluice.bench.codec;

import io.sluice.api.spi.Compressor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decompressing one batch's records section per operation, per codec at its default level (the
 * decoders' speed barely depends on the level the data was written at): Sluice's codec through its
 * {@code ByteBuffer} API (returns a new heap buffer) and through its stream (what
 * {@code RecordBatchReader} reads batches with), the library alone, and the official client's
 * {@code Compression.wrapForInput} stream. Each decodes its own output of the same records; for gzip,
 * snappy and lz4 Sluice's and Kafka's frames are the same bytes. Setup checks every way gets the
 * records back.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DecompressBenchmark {

    @Param({"gzip", "snappy", "lz4", "zstd"})
    public String codec;

    @Param({"16384", "1048576"})
    public int batchBytes;

    private Compressor sluice;
    private ByteBuffer sluiceFrame;
    private RawCodec raw;
    private byte[] rawFrame;
    private int rawFrameLength;
    private KafkaCodec kafka;
    private byte[] kafkaFrame;
    private int kafkaFrameLength;
    private byte[] out;

    @Setup(Level.Trial)
    public void setUp() {
        CodecSpec spec = CodecSpec.parse(codec);
        byte[] plain = JsonRecords.ofSize(batchBytes).section();
        // one byte more than the records: every stream is read to its end (-1), as a batch reader does, so
        // codecs that pool per-stream state only when a stream was read completely get to reuse it
        out = new byte[plain.length + 1];

        sluice = spec.sluice();
        ByteBuffer target = ByteBuffer.allocate(sluice.maxCompressedLength(plain.length));
        sluice.compress(ByteBuffer.wrap(plain), target, spec.sluiceLevel(sluice));
        sluiceFrame = ByteBuffer.wrap(Arrays.copyOf(target.array(), target.position()));

        raw = spec.raw();
        rawFrame = new byte[raw.maxCompressedLength(plain.length)];
        rawFrameLength = raw.compress(plain, plain.length, rawFrame);

        kafka = new KafkaCodec(spec.kafka());
        ByteBuffer kafkaTarget = ByteBuffer.allocate(plain.length + plain.length / 2 + 1024);
        kafkaFrameLength = kafka.compress(plain, kafkaTarget);
        kafkaFrame = Arrays.copyOf(kafkaTarget.array(), kafkaFrameLength);

        check(plain, sluice(), "Sluice ByteBuffer");
        check(plain, Arrays.copyOf(out, sluiceStream()), "Sluice stream");
        check(plain, Arrays.copyOf(out, raw()), "raw library");
        check(plain, Arrays.copyOf(out, kafka()), "Kafka");
    }

    private void check(byte[] plain, Object decoded, String way) {
        ByteBuffer actual = decoded instanceof ByteBuffer b ? b : ByteBuffer.wrap((byte[]) decoded);
        if (!actual.equals(ByteBuffer.wrap(plain))) {
            throw new IllegalStateException(way + " " + codec + " did not give the records back");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sluice.close();
        raw.close();
    }

    @Benchmark
    public ByteBuffer sluice() {
        return sluice.decompress(sluiceFrame.clear());
    }

    @Benchmark
    public int sluiceStream() {
        try (InputStream in = sluice.decompress(new Compressor.ByteBufferInputStream(sluiceFrame.clear()))) {
            int n = 0;
            for (int read = in.read(out, 0, out.length); read > 0; read = in.read(out, n, out.length - n)) {
                n += read;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public int raw() {
        return raw.decompress(rawFrame, rawFrameLength, out);
    }

    @Benchmark
    public int kafka() {
        return kafka.decompress(kafkaFrame, kafkaFrameLength, out);
    }
}
