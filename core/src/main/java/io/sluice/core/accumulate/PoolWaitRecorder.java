package io.sluice.core.accumulate;

/**
 * Told by the {@link BufferPool} when allocations had to wait; feeds the {@code bufferpool-wait-*}
 * and {@code buffer-exhausted-*} metrics. Called on user threads; implementations are thread-safe.
 */
public interface PoolWaitRecorder {

    /** An allocation waited {@code nanos} before it got its memory. */
    void waited(long nanos);

    /** An allocation gave up after {@code max.block.ms}. */
    void exhausted();

    /** Records nothing. */
    PoolWaitRecorder NONE = new PoolWaitRecorder() {
        @Override
        public void waited(long nanos) {
        }

        @Override
        public void exhausted() {
        }
    };
}
