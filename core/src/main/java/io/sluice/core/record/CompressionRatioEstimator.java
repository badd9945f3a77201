package io.sluice.core.record;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per topic and codec, an estimate of how much the records of a batch shrink when compressed
 * (compressed bytes / uncompressed bytes). An open {@link RecordBatchBuilder} multiplies the
 * records it holds by this estimate (and a 5 % safety factor) to decide when a compressed batch
 * reaches {@code batch.size}, so compressed batches come out near {@code batch.size}, as with
 * Apache Kafka's producer.
 *
 * <p>Update rules are Kafka's ({@code CompressionRatioEstimator}): after each closed batch, a worse
 * observed ratio raises the estimate at once by at least {@link #DETERIORATE_STEP} (so batches do
 * not overflow for long); a better one lowers it by at most {@link #IMPROVING_STEP} per batch.
 * Every estimate starts at 1.0. Unlike Kafka's, one instance belongs to one producer (no static
 * state shared between producers).
 *
 * <p>Thread-safe: user threads read estimates when they create batches, while whoever closes
 * batches updates them. Updates of one topic are serialised on that topic's array; reads are
 * plain (a slightly stale estimate only makes one batch a little larger or smaller).
 */
public final class CompressionRatioEstimator {

    /** How much the estimate drops per batch that compressed better than expected. */
    public static final float IMPROVING_STEP = 0.005f;
    /** The least the estimate rises per batch that compressed worse than expected. */
    public static final float DETERIORATE_STEP = 0.05f;
    /** The estimate for a topic and codec no batch has been closed for. */
    public static final float INITIAL_RATIO = 1.0f;

    private static final int CODEC_IDS = RecordBatchDescriptor.COMPRESSION_CODEC_MASK + 1;

    private final ConcurrentMap<String, float[]> ratios = new ConcurrentHashMap<>();

    /** The current estimate for the topic and codec id (0..7). */
    public float estimation(String topic, int codecId) {
        return ratiosOf(topic)[checkCodec(codecId)];
    }

    /**
     * Folds the ratio observed on a closed batch ({@link RecordBatchBuilder#compressionRatio()})
     * into the estimate. Control batches should not be reported.
     *
     * @return the estimate after the update
     */
    public float updateEstimation(String topic, int codecId, float observedRatio) {
        float[] forTopic = ratiosOf(topic);
        int id = checkCodec(codecId);
        synchronized (forTopic) {
            float current = forTopic[id];
            if (observedRatio > current) {
                forTopic[id] = Math.max(current + DETERIORATE_STEP, observedRatio);
            } else if (observedRatio < current) {
                forTopic[id] = Math.max(current - IMPROVING_STEP, observedRatio);
            }
            return forTopic[id];
        }
    }

    /**
     * Overrides the estimate; the accumulator sets it to {@code max(1.0, ratio of the big batch)}
     * after splitting a batch the broker refused as too large, as Kafka does.
     */
    public void setEstimation(String topic, int codecId, float ratio) {
        float[] forTopic = ratiosOf(topic);
        synchronized (forTopic) {
            forTopic[checkCodec(codecId)] = ratio;
        }
    }

    /** Puts every codec's estimate of the topic back to {@link #INITIAL_RATIO}. */
    public void resetEstimation(String topic) {
        float[] forTopic = ratiosOf(topic);
        synchronized (forTopic) {
            Arrays.fill(forTopic, INITIAL_RATIO);
        }
    }

    private float[] ratiosOf(String topic) {
        float[] forTopic = ratios.get(topic);
        if (forTopic == null) {
            forTopic = ratios.computeIfAbsent(topic, t -> initial());
        }
        return forTopic;
    }

    private static float[] initial() {
        float[] forTopic = new float[CODEC_IDS];
        Arrays.fill(forTopic, INITIAL_RATIO);
        return forTopic;
    }

    private static int checkCodec(int codecId) {
        if (codecId < 0 || codecId >= CODEC_IDS) {
            throw new IllegalArgumentException("Codec id " + codecId + " is outside the batch attribute's range 0..7");
        }
        return codecId;
    }
}
