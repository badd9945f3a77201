package io.sluice.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class C2AttributionTest {

    private static final int C2_TID = 511;
    private static final C2Task FIRST = new C2Task(10, C2_TID, "a.B", "small ()V", 0.10, 0.20, 35, -1, true);
    private static final C2Task SECOND = new C2Task(11, C2_TID, "c.D", "big ()V", 0.30, 0.50, 900, -1, true);

    /** Samples at these log stamps, placed on perf's clock as if perf's first sample came 0.08 s before stamp 0. */
    private static List<C2Attribution.Sample> samplesAtStamps(int tid, double... stamps) {
        List<C2Attribution.Sample> samples = new ArrayList<>();
        for (double stamp : stamps) {
            samples.add(new C2Attribution.Sample(tid, stamp + 0.08));
        }
        return samples;
    }

    @Test
    void shouldFindTheClockOffsetAndChargeEachSampleToTheTaskRunningThen() {
        // 3 samples in the first task, 4 in the second, one between them; every offset from -0.1023 to -0.0577
        // keeps all seven inside: the middle of that window is -0.08
        List<C2Attribution.Sample> samples = samplesAtStamps(C2_TID, 0.1223, 0.15, 0.1777, 0.25, 0.3223, 0.4, 0.45, 0.4777);

        C2Attribution.Result result = C2Attribution.attribute(samples, List.of(FIRST, SECOND));

        assertThat(result.offset()).isCloseTo(-0.08, offset(1e-9));
        assertThat(result.byTask()).containsExactly(entry(SECOND, 4L), entry(FIRST, 3L));
        assertThat(result.unattributed()).isEqualTo(1);
        assertThat(result.samples()).isEqualTo(8);
    }

    @Test
    void shouldChargeEachCompilerThreadsSamplesToItsOwnTasks() {
        C2Task other = new C2Task(12, 512, "e.F", "g ()V", 0.10, 0.20, 0, 3, true);
        List<C2Attribution.Sample> samples = samplesAtStamps(C2_TID, 0.122, 0.15, 0.178, 0.322, 0.4);
        samples.addAll(samplesAtStamps(512, 0.13, 0.17));
        samples.addAll(samplesAtStamps(512, 0.4));

        C2Attribution.Result result = C2Attribution.attribute(samples, List.of(FIRST, SECOND, other));

        assertThat(result.byTask()).containsExactly(entry(FIRST, 3L), entry(other, 2L), entry(SECOND, 2L));
        assertThat(result.unattributed()).isEqualTo(1);
    }

    @Test
    void shouldUseTheOnlyC2ThreadsTasksWhenPerfNamesTheThreadDifferently() {
        List<C2Attribution.Sample> samples = samplesAtStamps(9999, 0.122, 0.15, 0.178, 0.322, 0.4, 0.478);

        C2Attribution.Result result = C2Attribution.attribute(samples, List.of(FIRST, SECOND));

        assertThat(result.byTask()).containsExactly(entry(FIRST, 3L), entry(SECOND, 3L));
        assertThat(result.unattributed()).isZero();
    }

    @Test
    void shouldLeaveEverySampleUnattributedWithoutTasks() {
        C2Attribution.Result result = C2Attribution.attribute(samplesAtStamps(C2_TID, 0.1, 0.2), List.of());

        assertThat(result.byTask()).isEmpty();
        assertThat(result.unattributed()).isEqualTo(2);
    }
}
