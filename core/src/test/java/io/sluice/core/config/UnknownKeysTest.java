package io.sluice.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownKeysTest {

    @Test
    void shouldSuggestTheKeyThatWasProbablyMeant() {
        assertThat(UnknownKeys.warnings(List.of("lingr.ms")))
                .containsExactly("Configuration 'lingr.ms' was supplied but is not a known producer configuration and "
                        + "no plugin used it; it is ignored. Did you mean 'linger.ms'?");
        assertThat(UnknownKeys.closestKnownKey("batch.sise")).isEqualTo("batch.size");
        assertThat(UnknownKeys.closestKnownKey("Compression.Type")).isEqualTo("compression.type");
    }

    @Test
    void shouldNotSuggestAnythingForAKeyFarFromEveryKnownKey() {
        assertThat(UnknownKeys.closestKnownKey("totally.unrelated.setting")).isNull();
        assertThat(UnknownKeys.warnings(List.of("group.id")).get(0)).endsWith("(It looks like a consumer or admin setting.)");
    }
}
