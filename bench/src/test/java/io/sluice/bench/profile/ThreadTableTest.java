package io.sluice.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadTableTest {

    private static final String LIBJVM = "/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so";
    private static final String MAP = "/tmp/perf-100.map";

    private static List<PerfSample> samples(String comm, int tid, int count, String symbol, String dso) {
        List<PerfSample> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new PerfSample(comm, tid, 1000 + i * 0.001, symbol, dso));
        }
        return list;
    }

    @Test
    void shouldGroupThreadsWhoseNamesDifferOnlyInTrailingDigits() {
        List<PerfSample> all = new ArrayList<>(samples("GC Thread#0", 110, 3, "G1ParScanThreadState::trim_queue", LIBJVM));
        all.addAll(samples("GC Thread#1", 111, 2, "G1ParScanThreadState::trim_queue", LIBJVM));
        all.addAll(samples("G1 Conc#0", 112, 1, "G1CMTask::do_marking_step", LIBJVM));

        ThreadTable table = ThreadTable.of(all);

        assertThat(table.groups()).extracting(ThreadCpu::name, ThreadCpu::threads, g -> g.samples(), ThreadCpu::role)
                .containsExactly(tuple("GC Thread#", 2, 5L, ThreadRole.GC), tuple("G1 Conc#", 1, 1L, ThreadRole.GC));
        assertThat(table.samples(ThreadRole.GC)).isEqualTo(6);
    }

    @Test
    void shouldTakeTheBusiestJavaThreadAsTheSendingThreadAndKeepTheLauncherApart() {
        List<PerfSample> all = new ArrayList<>(samples("java", 100, 4, "_dl_relocate_object", "/usr/lib/ld-linux-x86-64.so.2"));
        all.addAll(samples("java", 101, 9, "void a.Perf.sendAll()", MAP));

        ThreadTable table = ThreadTable.of(all);

        assertThat(table.mainTid()).isEqualTo(101);
        assertThat(table.groups()).extracting(ThreadCpu::name, g -> g.samples(), ThreadCpu::role)
                .containsExactly(tuple(ThreadTable.MAIN, 9L, ThreadRole.SENDING), tuple("java", 4L, ThreadRole.OTHER));
    }

    @Test
    void shouldLabelNetworkCompilerGcAndOtherThreadsByName() {
        assertThat(ThreadRole.of("sluice-producer", false)).isEqualTo(ThreadRole.NETWORK);
        assertThat(ThreadRole.of("kafka-producer-", false)).isEqualTo(ThreadRole.NETWORK);
        assertThat(ThreadRole.of("C2 CompilerThre", false)).isEqualTo(ThreadRole.C2);
        assertThat(ThreadRole.of("C1 CompilerThre", false)).isEqualTo(ThreadRole.C1);
        assertThat(ThreadRole.of("GC Thread#", false)).isEqualTo(ThreadRole.GC);
        assertThat(ThreadRole.of("G1 Refine#", false)).isEqualTo(ThreadRole.GC);
        assertThat(ThreadRole.of("VM Thread", false)).isEqualTo(ThreadRole.OTHER);
        assertThat(ThreadTable.groupName("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(ThreadTable.groupName("G1 Conc#12")).isEqualTo("G1 Conc#");
    }

    @Test
    void shouldCountEachThreadsSamplesByKindAndBySymbol() {
        List<PerfSample> all = new ArrayList<>(samples("sluice-producer", 120, 5, "int a.Sender.runOnce()", MAP));
        all.addAll(samples("sluice-producer", 120, 3, PerfSample.UNKNOWN, "/tmp/liblz4-java-77.so"));
        all.addAll(samples("sluice-producer", 120, 2, "__vdso_clock_gettime", "[vdso]"));
        all.addAll(samples("sluice-producer", 120, 3, "tcp_sendmsg", "[kernel.kallsyms]"));

        ThreadCpu network = ThreadTable.of(all).groups().get(0);

        assertThat(network.samples(CodeKind.JIT_JAVA)).isEqualTo(5);
        assertThat(network.samples(CodeKind.COMPRESSION)).isEqualTo(3);
        assertThat(network.samples(CodeKind.VDSO)).isEqualTo(2);
        assertThat(network.samples(CodeKind.KERNEL)).isEqualTo(3);
        assertThat(network.samples(CodeKind.JVM)).isZero();
        assertThat(network.topSymbols(3)).containsExactly(
                new ThreadCpu.SymbolCount("int a.Sender.runOnce()", CodeKind.JIT_JAVA, 5),
                new ThreadCpu.SymbolCount("[unknown] in liblz4-java-77.so", CodeKind.COMPRESSION, 3),
                new ThreadCpu.SymbolCount("tcp_sendmsg", CodeKind.KERNEL, 3));
    }
}
