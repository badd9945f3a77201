package io.sluice.examples.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TuneReportTest {

    private static TuneResult result(int batchSize, long linger, double recordsPerSecond, double p99) {
        return new TuneResult(new TuneSetting(batchSize, linger, "lz4"), 1000, 0, 1, recordsPerSecond, 1, p99 / 2, p99,
                p99 + 1, 1000, 10, 0.5);
    }

    @Test
    void shouldSweepEveryBatchSizeLingerAndCodecCombination() {
        TuneOptions options = TuneOptions.parse("--bootstrap-server", "h:1", "--batch-sizes", "16384,65536",
                "--linger-ms", "0,5,20", "--compression-types", "lz4,zstd");

        assertThat(options.settings()).hasSize(12).startsWith(new TuneSetting(16384, 0, "lz4"), new TuneSetting(16384, 0, "zstd"))
                .endsWith(new TuneSetting(65536, 20, "zstd"));
        assertThat(TuneOptions.parse("--bootstrap-server", "h:1").settings()).hasSize(9);
    }

    @Test
    void shouldNameTheOptionAtFault() {
        assertThatThrownBy(() -> TuneOptions.parse("--bootstrap-server", "h:1", "--linger-ms", "0,x"))
                .hasMessageContaining("--linger-ms 0,x: \"x\" is not a whole number");
        assertThatThrownBy(() -> TuneOptions.parse("--batch-sizes", "16384"))
                .hasMessageContaining("--bootstrap-server is required");
    }

    @Test
    void shouldPutOnTheFrontierOnlySettingsThatNoOtherBeatsOnBothAxes() {
        TuneResult slowButQuick = result(16384, 0, 1000, 5);
        TuneResult fastButSlow = result(65536, 20, 5000, 50);
        TuneResult beaten = result(16384, 20, 900, 60);
        TuneResult middle = result(65536, 0, 3000, 20);

        assertThat(SvgChart.frontier(List.of(beaten, fastButSlow, middle, slowButQuick)))
                .containsExactly(slowButQuick, middle, fastButSlow);
    }

    @Test
    void shouldRoundScalesUpToANiceNumber() {
        assertThat(SvgChart.niceCeiling(256)).isEqualTo(300);
        assertThat(SvgChart.niceCeiling(0.7)).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(SvgChart.niceCeiling(100_000)).isEqualTo(100_000);
        assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void shouldDrawOnePointPerSettingWithItsFiguresAndKeepTheLargerThroughputFurtherRight() {
        List<TuneResult> results = List.of(result(16384, 0, 1000, 5), result(65536, 20, 5000, 50));
        TuneOptions options = TuneOptions.parse("--bootstrap-server", "h:1", "--batch-sizes", "16384,65536",
                "--linger-ms", "0,20");

        String html = TuneReport.html(options, results);

        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
                .doesNotContainPattern("(src|href)=\"") // nothing fetched: the only URL is the SVG namespace
                .contains("data-points=\"2\"");
        var m = Pattern.compile("<circle class=\"point\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        double x1 = Double.parseDouble(m.group(1));
        double y1 = Double.parseDouble(m.group(2));
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(x1);
        assertThat(Double.parseDouble(m.group(2))).isLessThan(y1); // higher p99 is higher up: smaller y
        assertThat(m.find()).isFalse();
        assertThat(html).contains("data-batch-size=\"65536\" data-linger-ms=\"20\" data-compression-type=\"lz4\" "
                + "data-records-per-second=\"5000.0\" data-p99-ms=\"50.000\"");
    }

    @Test
    void shouldEscapeTextForHtml() {
        assertThat(TuneReport.escape("<a href=\"x\">&'")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
