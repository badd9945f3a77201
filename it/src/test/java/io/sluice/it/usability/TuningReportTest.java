package io.sluice.it.usability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.testkit.KafkaClusterExtension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sluice-tune} with a tiny sweep (2 batch sizes x 2 linger times, a few thousand records each) against the
 * testkit's broker; its HTML report is then opened in headless Chromium: the rendered DOM must hold the SVG chart
 * with one point per setting, placed by the numbers the tuner measured, and a screenshot must show the chart's
 * colours. Chromium missing fails the test with what to install (see {@link HeadlessChromium}).
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TuningReportTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = KafkaClusterExtension.singleNode();

    private static final List<String> MODULES = List.of("io.sluice.api", "io.sluice.core", "io.sluice.transport.nio",
            "io.sluice.codec.lz4", "org.lz4.java", "io.sluice.examples", "org.slf4j", "org.slf4j.simple", "HdrHistogram");
    /** The tuner's line per setting. */
    private static final Pattern RUN_LINE = Pattern.compile("^\\[\\d/4] batch\\.size=(\\d+) linger\\.ms=(\\d+) "
            + "compression\\.type=lz4: (\\d+) records/s \\([\\d.]+ MB/s\\), p50 [\\d.]+ ms, p99 ([\\d.]+) ms", Pattern.MULTILINE);
    private static final Pattern POINT = Pattern.compile("<circle class=\"point\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"[^>]*"
            + "data-batch-size=\"(\\d+)\" data-linger-ms=\"(\\d+)\" data-compression-type=\"lz4\" "
            + "data-records-per-second=\"([\\d.]+)\" data-p99-ms=\"([\\d.]+)\"");

    private final SluiceScripts scripts = new SluiceScripts();

    @TempDir
    Path dir;

    @Test
    void shouldWriteAReportWhoseChartRendersInChromiumWithOnePointPerSettingWhereItsNumbersPutIt() throws Exception {
        HeadlessChromium chromium = new HeadlessChromium(dir); // fails first, with what to install, if it is missing
        Path report = dir.resolve("report.html");

        SluiceScripts.Result r = runTuner("--bootstrap-server", kafka.bootstrapServers(), "--topic", "tune-test",
                "--batch-sizes", "16384,65536", "--linger-ms", "0,20", "--num-records", "3000", "--warmup-records", "1000",
                "--output", report.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("Report: " + report.toAbsolutePath());
        Map<String, double[]> measured = measured(r.stdout());
        assertThat(measured).as(r.toString()).hasSize(4);

        String dom = chromium.dumpDom(report);
        assertThat(dom).contains("<svg id=\"tradeoff-chart\"").contains("class=\"frontier\"")
                .contains("Sluice tuning report").doesNotContain("<script");
        List<Point> points = points(dom);
        assertThat(points).hasSize(4);
        Set<String> settings = new HashSet<>();
        for (Point p : points) {
            settings.add(p.setting);
            double[] m = measured.get(p.setting);
            assertThat(m).as("the tuner printed a line for " + p.setting).isNotNull();
            assertThat(p.recordsPerSecond).isCloseTo(m[0], within(1.0));
            assertThat(p.p99Ms).isCloseTo(m[1], within(0.051));
        }
        assertThat(settings).containsExactlyInAnyOrder("16384/0", "65536/0", "16384/20", "65536/20");
        assertPlacedByTheirNumbers(points);
        assertThat(Pattern.compile("<tr[^>]*><td>\\d+</td><td>\\d+</td><td>lz4</td>").matcher(dom).results().count())
                .as("one table row per setting").isEqualTo(4);

        Path png = chromium.screenshot(report, dir.resolve("report.png"), 1000, 900);
        assertThat(Files.size(png)).isPositive();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(hasPixel(image, 0x1b6ac9)).as("the legend's linger.ms=0 colour is on screen").isTrue();
        assertThat(hasPixel(image, 0xe8590c)).as("the legend's linger.ms=20 colour is on screen").isTrue();
    }

    /** Further right means more records/s, further down (larger y) means a lower p99, for every pair of points. */
    private static void assertPlacedByTheirNumbers(List<Point> points) {
        List<Point> byThroughput = new ArrayList<>(points);
        byThroughput.sort(Comparator.comparingDouble(p -> p.recordsPerSecond));
        for (int i = 1; i < byThroughput.size(); i++) {
            assertThat(byThroughput.get(i).cx).isGreaterThanOrEqualTo(byThroughput.get(i - 1).cx);
        }
        List<Point> byLatency = new ArrayList<>(points);
        byLatency.sort(Comparator.comparingDouble(p -> p.p99Ms));
        for (int i = 1; i < byLatency.size(); i++) {
            assertThat(byLatency.get(i).cy).isLessThanOrEqualTo(byLatency.get(i - 1).cy);
        }
    }

    private SluiceScripts.Result runTuner(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", scripts.root().resolve("bin/sluice-tune").toString()));
        cmd.addAll(List.of(args));
        return SluiceScripts.exec(cmd, Map.of(
                "SLUICE_MODULE_PATH", scripts.modulePath(MODULES),
                "SLUICE_TESTKIT_CLASS_PATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "SLUICE_HEAP_OPTS", "-Xmx256m",
                "JAVA_HOME", System.getProperty("java.home")), new byte[0]);
    }

    /** "batchSize/lingerMs" → {records/s, p99 ms} as the tuner printed them. */
    private static Map<String, double[]> measured(String stdout) {
        Map<String, double[]> m = new HashMap<>();
        Matcher matcher = RUN_LINE.matcher(stdout);
        while (matcher.find()) {
            m.put(matcher.group(1) + "/" + matcher.group(2),
                    new double[] {Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4))});
        }
        return m;
    }

    private static List<Point> points(String dom) {
        List<Point> points = new ArrayList<>();
        Matcher m = POINT.matcher(dom);
        while (m.find()) {
            points.add(new Point(m.group(3) + "/" + m.group(4), Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))));
        }
        return points;
    }

    private static boolean hasPixel(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One rendered point of the chart. */
    private record Point(String setting, double cx, double cy, double recordsPerSecond, double p99Ms) {
    }
}
