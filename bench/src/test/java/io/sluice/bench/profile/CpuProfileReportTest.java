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
}
