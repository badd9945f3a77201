package io.sluice.core.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.Compressor;
import io.sluice.core.config.ProducerSettings;
import io.sluice.core.config.UsageTrackingMap;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompressionChoiceTest {

    /** A third-party codec with levels 1..5, whose level key the producer's table does not know. */
    private static final Compressor CUSTOM = new Compressor() {
        @Override public String name() { return "custom"; }
        @Override public byte id() { return 3; }
        @Override public boolean hasLevels() { return true; }
        @Override public int defaultLevel() { return 2; }
        @Override public int minLevel() { return 1; }
        @Override public int maxLevel() { return 5; }
        @Override public OutputStream compress(OutputStream out, int level) { return out; }
        @Override public InputStream decompress(InputStream in) { return in; }
    };

    @Test
    void thirdPartyLevelKeyIsReadThroughThePluginViewSoItCountsAsUsed() {
        ProducerSettings settings = ProducerSettings.parse(Map.of("bootstrap.servers", "localhost:9092", "key.serializer", "string", "value.serializer", "string",
                "compression.custom.level", "4"));
        UsageTrackingMap view = new UsageTrackingMap(settings.pluginView());

        CompressionChoice choice = CompressionChoice.of(CUSTOM, settings, view);

        assertThat(choice.level()).isEqualTo(4);
        assertThat(view.usedKeys()).contains("compression.custom.level");
    }

    @Test
    void thirdPartyLevelOutsideTheCodecsRangeNamesKeyAndRange() {
        ProducerSettings settings = ProducerSettings.parse(Map.of("bootstrap.servers", "localhost:9092", "key.serializer", "string", "value.serializer", "string",
                "compression.custom.level", "9"));

        assertThatThrownBy(() -> CompressionChoice.of(CUSTOM, settings, new UsageTrackingMap(settings.pluginView())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("compression.custom.level=9 is out of range: custom levels are 1 to 5 (default 2)");
    }

    @Test
    void noLevelKeyGivesTheCodecsDefault() {
        ProducerSettings settings = ProducerSettings.parse(Map.of("bootstrap.servers", "localhost:9092",
                "key.serializer", "string", "value.serializer", "string"));

        assertThat(CompressionChoice.of(CUSTOM, settings, new UsageTrackingMap(settings.pluginView())).level())
                .isEqualTo(2);
    }
}
