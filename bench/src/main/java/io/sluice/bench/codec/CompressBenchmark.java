package io.sluice.bench.codec;

import io.sluice.api.spi.Compressor;
import java.nio.ByteBuffer;
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
 * Compressing one batch's records section (100-byte JSON records, 16 KiB or 1 MiB uncompressed) per
 * operation, per codec and level, three ways: Sluice's codec through the {@code ByteBuffer} API a
 * sealing batch uses (heap to heap here; {@link DirectBufferBenchmark} has direct), the library alone
 * ({@link RawCodec}, the limit), and the official client's {@code Compression.wrapForOutput} stream.
 * Throughput in operations per second; multiply by the section size for bytes per second.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CompressBenchmark {

    @Param({"gzip:-1", "gzip:1", "gzip:9", "snappy", "lz4:1", "lz4:9", "lz4:17", "zstd:1", "zstd:3", "zstd:9"})
    public String codec;

    @Param({"16384", "1048576"})
    public int batchBytes;

    private ByteBuffer plainBuffer;
    private byte[] plain;
    private Compressor sluice;
    private int level;
    private ByteBuffer sluiceTarget;
    private RawCodec raw;
    private byte[] rawTarget;
    private KafkaCodec kafka;
    private ByteBuffer kafkaTarget;

    @Setup(Level.Trial)
    public void setUp() {
        CodecSpec spec = CodecSpec.parse(codec);
        plain = JsonRecords.ofSize(batchBytes).section();
        plainBuffer = ByteBuffer.wrap(plain);
        sluice = spec.sluice();
        level = spec.sluiceLevel(sluice);
        sluiceTarget = ByteBuffer.allocate(sluice.maxCompressedLength(plain.length));
        raw = spec.raw();
        rawTarget = new byte[raw.maxCompressedLength(plain.length)];
        kafka = new KafkaCodec(spec.kafka());
        kafkaTarget = ByteBuffer.allocate(plain.length + plain.length / 2 + 1024);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sluice.close();
        raw.close();
    }

    @Benchmark
    public int sluice() {
        return sluice.compress(plainBuffer.clear(), sluiceTarget.clear(), level);
    }

    @Benchmark
    public int raw() {
        return raw.compress(plain, plain.length, rawTarget);
    }

    @Benchmark
    public int kafka() {
        return kafka.compress(plain, kafkaTarget);
    }
}
