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
 * Sluice's codecs on direct buffers, at their default levels: what the producer really does (batch
 * buffers from its pool and the sealing scratch are direct), next to the heap figures of
 * {@link CompressBenchmark} and {@link DecompressBenchmark}.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DirectBufferBenchmark {

    @Param({"gzip", "snappy", "lz4", "zstd"})
    public String codec;

    @Param({"16384", "1048576"})
    public int batchBytes;

    private Compressor sluice;
    private int level;
    private ByteBuffer plain;
    private ByteBuffer target;
    private ByteBuffer frame;

    @Setup(Level.Trial)
    public void setUp() {
        CodecSpec spec = CodecSpec.parse(codec);
        byte[] bytes = JsonRecords.ofSize(batchBytes).section();
        sluice = spec.sluice();
        level = spec.sluiceLevel(sluice);
        plain = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        target = ByteBuffer.allocateDirect(sluice.maxCompressedLength(bytes.length));
        int size = sluice.compress(plain.clear(), target.clear(), level);
        frame = ByteBuffer.allocateDirect(size).put(target.flip()).flip();
        if (!sluice.decompress(frame.clear()).equals(ByteBuffer.wrap(bytes))) {
            throw new IllegalStateException(codec + " on direct buffers did not give the records back");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sluice.close();
    }

    @Benchmark
    public int compressDirect() {
        return sluice.compress(plain.clear(), target.clear(), level);
    }

    @Benchmark
    public ByteBuffer decompressDirect() {
        return sluice.decompress(frame.clear());
    }
}
