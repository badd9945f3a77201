package io.sluice.examples.demo;

import io.sluice.api.Producer;
import io.sluice.core.Tuning;
import io.sluice.examples.workload.DemoRecords;
import io.sluice.examples.workload.ProducerFigures;
import io.sluice.examples.workload.Progress;
import io.sluice.examples.workload.RunStats;
import io.sluice.examples.workload.SendLoop;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One demo run: sends with progress lines, flushes, prints the summary and closes the producer. Used by one
 * thread (the main thread); the producer's sender thread runs the callbacks into {@link RunStats}.
 */
public final class DemoRun {

    private final DemoOptions options;
    private final PrintStream out;
    private final PrintStream err;

    public DemoRun(DemoOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** @return the exit status: 0 when every record was acknowledged, 1 otherwise */
    public int execute(Producer<byte[], byte[]> producer) {
        DemoRecords records = new DemoRecords(options.recordSize());
        RunStats stats = new RunStats();
        out.println(String.format(Locale.ROOT, "Producing %d records of %d bytes (half keyed, half keyless) to topic %s "
                        + "at %s with compression.type=%s, through Sluice on the module path (modules: %s)",
                options.numRecords(), options.recordSize(), options.topic(), options.bootstrapServers(),
                options.compressionType(), sluiceModules()));
        long sent;
        long start = System.nanoTime();
        try (producer; Progress progress = Progress.start(options.numRecords(), stats, out, options.progressMs())) {
            sent = new SendLoop(producer, options.topic(), records).throughput(options.throughput()).run(options.numRecords(), stats, progress::sent);
            progress.close();
            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            DemoSummary.print(out, options, sent, stats, seconds,
                    ProducerFigures.of(producer.metrics(), options.topic()), Tuning.explain(producer));
        }
        if (stats.failed() > 0 || stats.acknowledged() != options.numRecords()) {
            err.println(failure(stats));
            return 1;
        }
        return 0;
    }

    private String failure(RunStats stats) {
        Exception first = stats.firstFailure();
        String why = first == null ? "" : " The first failure: " + first;
        if (first != null && first.getClass().getSimpleName().contains("Timeout")) {
            why += ". Is a Kafka broker listening at " + options.bootstrapServers() + "? Check --bootstrap-server "
                    + "(host:port of a broker's listener, reachable from here).";
        }
        return "Demo failed: " + stats.acknowledged() + " of " + options.numRecords() + " records were acknowledged, "
                + stats.failed() + " failed; the run stopped at the first failure." + why;
    }

    /** The Sluice modules this run loaded: proof that it ran on the module path. */
    private static String sluiceModules() {
        StringBuilder s = new StringBuilder();
        ModuleLayer.boot().modules().stream().map(Module::getName).filter(n -> n.startsWith("io.sluice")).sorted()
                .forEach(n -> s.append(s.length() == 0 ? "" : " ").append(n));
        return s.length() == 0 ? "none: class path" : s.toString();
    }
}
