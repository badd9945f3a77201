package io.sluice.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.record.internal.CompressionType;
import org.junit.jupiter.api.Test;

class CompressionRatioEstimatorTest {

    @Property(tries = 200)
    void shouldFollowKafkasUpdateRules(@ForAll @Size(min = 1, max = 50) List<@FloatRange(min = 0.01f, max = 2.0f) Float> observed,
                                       @ForAll @IntRange(min = 1, max = 4) int codecId) {
        String topic = "topic-" + UUID.randomUUID(); // Kafka's estimator is static: a fresh topic per try
        CompressionType type = CompressionType.forId(codecId);
        CompressionRatioEstimator ours = new CompressionRatioEstimator();

        for (float ratio : observed) {
            float kafka = org.apache.kafka.common.record.internal.CompressionRatioEstimator.updateEstimation(topic, type, ratio);
            assertThat(ours.updateEstimation(topic, codecId, ratio)).isEqualTo(kafka);
            assertThat(ours.estimation(topic, codecId)).isEqualTo(kafka);
        }
    }

    @Test
    void shouldStartAtOneAndKeepTopicsAndCodecsApart() {
        CompressionRatioEstimator estimator = new CompressionRatioEstimator();
        estimator.updateEstimation("a", 4, 0.2f);

        assertThat(estimator.estimation("a", 4)).isEqualTo(1.0f - CompressionRatioEstimator.IMPROVING_STEP);
        assertThat(estimator.estimation("a", 1)).isEqualTo(1.0f);
        assertThat(estimator.estimation("b", 4)).isEqualTo(1.0f);
    }

    @Test
    void shouldJumpUpAtOnceWhenBatchesCompressWorse() {
        CompressionRatioEstimator estimator = new CompressionRatioEstimator();
        estimator.setEstimation("t", 3, 0.3f);

        assertThat(estimator.updateEstimation("t", 3, 0.31f)).isEqualTo(0.3f + CompressionRatioEstimator.DETERIORATE_STEP);
        assertThat(estimator.updateEstimation("t", 3, 0.9f)).isEqualTo(0.9f);
    }

    @Test
    void shouldResetEveryCodecOfATopic() {
        CompressionRatioEstimator estimator = new CompressionRatioEstimator();
        estimator.setEstimation("t", 1, 0.5f);
        estimator.setEstimation("t", 4, 0.4f);

        estimator.resetEstimation("t");

        assertThat(estimator.estimation("t", 1)).isEqualTo(1.0f);
        assertThat(estimator.estimation("t", 4)).isEqualTo(1.0f);
    }

    @Test
    void shouldRefuseCodecIdsOutsideTheAttributeBits() {
        CompressionRatioEstimator estimator = new CompressionRatioEstimator();
        assertThatThrownBy(() -> estimator.estimation("t", 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Codec id 8");
    }
}
