package io.sluice.examples;

import io.sluice.api.errors.ConfigException;
import io.sluice.examples.tune.TuneOptions;
import io.sluice.examples.tune.TuneReport;
import io.sluice.examples.tune.TuneResult;
import io.sluice.examples.tune.TuneSweep;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tuner behind {@code bin/sluice-tune}, on the module path: sweeps {@code batch.size} &times; {@code linger.ms}
 * (and optionally {@code compression.type}) with the same workload per setting, and writes one self-contained HTML
 * report with a chart of throughput against p99 latency and a table. Prints a line per setting and, last, the
 * report's path: {@code Report: /abs/path.html}.
 *
 * <p>Exit status: 0 with the report written; 1 if a run failed or the report could not be written; 2 for a wrong
 * command line.
 */
public final class Tune {

    private Tune() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(TuneOptions.USAGE);
            return 0;
        }
        TuneOptions options;
        try {
            options = TuneOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println(TuneOptions.USAGE);
            return 2;
        }
        System.out.println("Sweeping " + options.settings().size() + " settings, " + options.numRecords()
                + " records each, against " + options.bootstrapServers());
        try {
            List<TuneResult> results = new TuneSweep(options, System.out).run();
            Path report = TuneReport.write(options, results);
            System.out.println("Report: " + report);
            return 0;
        } catch (ConfigException e) {
            System.err.println("Cannot create the producer: " + e.getMessage());
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
        } catch (IOException e) {
            System.err.println("Cannot write the report " + options.output().toAbsolutePath() + ": " + e);
        }
        return 1;
    }
}
