package io.sluice.codec.lz4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdlePoolTest {

    private final List<String> destroyed = new ArrayList<>();
    private final IdlePool<String> pool = new IdlePool<>(2, destroyed::add);

    @Test
    void shouldHandBackWhatWasOffered() {
        pool.offer("a");

        assertThat(pool.poll()).isEqualTo("a");
        assertThat(pool.poll()).isNull();
        assertThat(destroyed).isEmpty();
    }

    @Test
    void shouldDestroyWhatDoesNotFitInsteadOfGrowing() {
        pool.offer("a");
        pool.offer("b");
        pool.offer("c");

        assertThat(destroyed).containsExactly("c");
        assertThat(List.of(pool.poll(), pool.poll())).containsExactlyInAnyOrder("a", "b");
        assertThat(pool.poll()).isNull();
    }

    @Test
    void shouldDestroyIdleObjectsOnCloseAndLateArrivalsAfterwards() {
        pool.offer("a");
        pool.close();
        pool.offer("late");

        assertThat(destroyed).containsExactly("a", "late");
        assertThat(pool.poll()).isNull();
    }

    @Test
    void shouldRefuseZeroCapacity() {
        assertThatThrownBy(() -> new IdlePool<String>(0, s -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity must be at least 1, was 0");
    }

    @Test
    void shouldSizeDefaultCapacityByCoresWithinBounds() {
        assertThat(IdlePool.defaultCapacity()).isBetween(4, 64);
    }
}
