package io.sluice.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuProfileReportTest {

    private static final String MAP = "/tmp/perf-100.map";
    private static final String LIBJVM = "/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so";
    private static final double HZ = 100;

    /** {@code count} samples of one thread, one every 5 ms from {@code from} seconds on perf's clock. */
    private static List<PerfSample> samples(String comm, int tid, int count, double from, String symbol, String dso) {
        List<PerfSample> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new PerfSample(comm, tid, from + i * 0.005, symbol, dso));
        }
        return list;
    }

    private static String report() {
        List<PerfSample> all = new ArrayList<>(samples("java", 101, 200, 5000.0, "void a.Perf.sendAll()", MAP));
        all.addAll(samples("sluice-producer", 120, 60, 5000.5, "int a.Sender.runOnce()", MAP));
        all.addAll(samples("sluice-producer", 120, 40, 5001.1, "tcp_sendmsg", "[kernel.kallsyms]"));
        // perf's first sample is at 5000.0; the task runs 1.0-1.5 on the JVM's clock: 50 samples 1.1-1.345 inside it,
        // 10 samples 2.0-2.045 out of reach of any offset that keeps the 50 inside
        all.addAll(samples("C2 CompilerThre", 130, 50, 5001.1, "PhaseChaitin::Split", LIBJVM));
        all.addAll(samples("C2 CompilerThre", 130, 10, 5002.0, "PhaseChaitin::Split", LIBJVM));
        C2Task task = new C2Task(42, 130, "io.sluice.core.send.Sender", "runOnce ()V", 1.0, 1.5, 1234, -1, true);
        return CpuProfile.report(all, List.of(task), HZ, 1_000_000, 5);
    }

    @Test
    void shouldGiveEachThreadsCpuSecondsShareAndMicrosecondsPerRecord() {
        String report = report();

        assertThat(report).containsPattern("java \\(main\\)\\s+sending \\(tool's main\\)\\s+1\\s+2\\.00\\s+55\\.6%\\s+2\\.000");
        assertThat(report).containsPattern("sluice-producer\\s+network\\s+1\\s+1\\.00\\s+27\\.8%\\s+1\\.000");
        assertThat(report).containsPattern("total\\s+3\\.60\\s+100\\.0%\\s+3\\.600");
        assertThat(report).contains("360 samples = 3.60 s CPU over 1,000,000 records = 3.600 µs/record");
    }

    @Test
    void shouldSplitEachThreadsCpuByKindOfCode() {
        // columns: total, JIT Java, interp., libjvm, compress, kernel, vDSO, libc/other
        assertThat(report()).containsPattern("sluice-producer\\s+1\\.00\\s+0\\.60\\s+0\\.00\\s+0\\.00\\s+0\\.00\\s+0\\.40"
                + "\\s+0\\.00\\s+0\\.00");
    }

    @Test
    void shouldChargeC2SamplesToTheCompiledMethodAndItsPackage() {
        String report = report();

        assertThat(report).contains("C2 threads: 0.60 s in 60 samples; 1 C2 tasks logged, 1 with samples");
        assertThat(report).contains("unattributed 0.10 s (16.7%");
        assertThat(report).containsPattern("0\\.500\\s+42\\s+1\\.000\\s+0\\.500\\s+1234\\s+io\\.sluice\\.core\\.send\\.Sender::runOnce \\(\\)V");
        assertThat(report).containsPattern("0\\.500\\s+83\\.3%\\s+1\\s+io\\.sluice\\.core\\.send\n");
    }

    @Test
    void shouldSplitTheSharedWorkFromTheProducersOwnPart() {
        List<PerfSample> all = new ArrayList<>(samples("java", 101, 30, 5000.0,
                "void io.sluice.examples.perf.PerfRun.sendAll(io.sluice.api.Producer)", MAP));
        all.addAll(samples("java", 101, 20, 5000.2, "int io.sluice.core.accumulate.ProducerBatch.tryAppend(long)", MAP));
        all.addAll(samples("java", 101, 10, 5000.3, "[unknown]", "/tmp/liblz4-java-123.so"));
        all.addAll(samples("java", 101, 5, 5000.4, "__vdso_clock_gettime", "[vdso]"));
        all.addAll(samples("sluice-producer", 120, 8, 5000.5, "tcp_sendmsg", "[kernel.kallsyms]"));
        all.addAll(samples("sluice-producer", 120, 4, 5000.6, "void org.HdrHistogram.AbstractHistogram.recordValue(long)", MAP));
        all.addAll(samples("GC Thread#0", 140, 3, 5000.7, "G1ParScanThreadState::trim_queue", LIBJVM));
        // C2: 6 samples in a task on a Sluice class, 2 in a task on a JDK class (tasks 0.0-0.1 and 0.2-0.3 after start)
        all.addAll(samples("C2 CompilerThre", 130, 6, 5000.0, "PhaseChaitin::Split", LIBJVM));
        all.addAll(samples("C2 CompilerThre", 130, 2, 5000.2, "PhaseChaitin::Split", LIBJVM));
        List<C2Task> tasks = List.of(
                new C2Task(1, 130, "io.sluice.core.accumulate.RecordAccumulator", "drain ()V", 0.0, 0.1, 100, -1, true),
                new C2Task(2, 130, "java.util.HashMap", "getNode (I)V", 0.2, 0.3, 10, -1, true));

        String report = CpuProfile.report(all, tasks, HZ, 1_000_000, 5);

        // 100 Hz: a sample is 0.01 s
        assertThat(report).containsPattern("shared: the perf tool's compiled code \\(payloads, callback\\)\\s+0\\.34");
        assertThat(report).containsPattern("shared: compression library\\s+0\\.10");
        assertThat(report).containsPattern("shared: clock reads \\(vDSO\\)\\s+0\\.05");
        assertThat(report).containsPattern("shared work in all\\s+0\\.49");
        assertThat(report).containsPattern("own: the producer's compiled code \\(and JVM stubs\\)\\s+0\\.20");
        assertThat(report).containsPattern("own: kernel\\s+0\\.08");
        assertThat(report).containsPattern("own: C2 on the producer's classes\\s+0\\.06");
        assertThat(report).containsPattern("own: GC threads\\s+0\\.03");
        assertThat(report).containsPattern("the producer's own part in all\\s+0\\.37");
        assertThat(report).containsPattern("neither: C2 on other classes or unattributed\\s+0\\.02");
    }

    @Test
    void shouldTellAPerfToolMethodFromAProducerMethodAndAStub() {
        assertThat(CpuSplit.isToolMethod("void org.apache.kafka.tools.ProducerPerformance.start(java.lang.String[])")).isTrue();
        assertThat(CpuSplit.isToolMethod("int jdk.internal.util.random.RandomSupport.boundedNextInt(java.util.random.RandomGenerator, int)")).isTrue();
        assertThat(CpuSplit.isToolMethod("java.util.concurrent.Future org.apache.kafka.clients.producer.KafkaProducer.doSend(org.apache.kafka.clients.producer.ProducerRecord)")).isFalse();
        assertThat(CpuSplit.isToolMethod("StubRoutines (2)")).isFalse();
        assertThat(CpuSplit.isProducerClass("org.apache.kafka.clients.producer.internals.Sender")).isTrue();
        assertThat(CpuSplit.isProducerClass("org.apache.kafka.tools.ProducerPerformance")).isFalse();
        assertThat(CpuSplit.isProducerClass("io.sluice.examples.perf.PerfRun")).isFalse();
        assertThat(CpuSplit.isProducerClass("java.util.HashMap")).isFalse();
    }
}
