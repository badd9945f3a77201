/**
 * Runnable examples of Sluice on the module path. The examples require only {@code io.sluice.core}
 * (which brings {@code io.sluice.api}); codecs, partitioners and the transport are found at run
 * time through the SPIs, from whatever modules are on the module path.
 *
 * <p>The perf tool ({@code io.sluice.examples.ProducerPerformance}) also uses HdrHistogram, which is only an
 * automatic module (its name, {@code HdrHistogram}, comes from the jar's file name). It is required
 * {@code static}: a {@code jlink} image of the other examples works without it (jlink refuses automatic
 * modules), and the perf tool's launcher adds it with {@code --add-modules HdrHistogram}.
 */
@SuppressWarnings("requires-automatic")
module io.sluice.examples {
    requires io.sluice.core;
    requires static HdrHistogram;
}
