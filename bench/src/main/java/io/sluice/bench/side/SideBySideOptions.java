package io.sluice.bench.side;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The side-by-side benchmark's command line (paths come from {@code bench/run-side-by-side.sh}):
 * <pre>
 * --sluice-module-path P --official-class-path P --broker-class-path P --probe-jar F   (required)
 * --work-dir D            files of every run and the report (default bench/target/side-by-side)
 * --records N             records per throughput run (default 3,000,000)
 * --latency-records N     records of the fixed-rate run (default 500,000)
 * --rate N                records/s of the fixed-rate run (default 50,000)
 * --rounds N              interleaved rounds (default 3)
 * --warmup-records N      unmeasured warm-up run per Java producer before round 1 (default 1,000,000; 0 for none)
 * --latency-warmup-records N   the fixed-rate scenario's --warmup-records for both Java tools, which then also print a
 *                         steady-state summary over the records after the first N (default: the first 5 seconds,
 *                         5 × rate, at most half the run; 0 for none)
 * --throughput-warmup-records N  the same for the unthrottled scenarios (default 0: none)
 * --scenarios a,b         names from Scenario.standard (default all): acks1-none, acks1-lz4, acks1-zstd,
 *                         idem-none, idem-lz4, idem-zstd, rate50k-lz4, acks1-none-file, acks1-lz4-file
 * --contenders a,b        SLUICE, OFFICIAL, LIBRDKAFKA (default all)
 * --protocols a,b         listeners to write to, each scenario over each: PLAINTEXT, SASL_SSL (default PLAINTEXT).
 *                         SASL_SSL starts the broker with a SASL_SSL listener (SCRAM-SHA-512, a throw-away CA) and
 *                         gives both Java tools its client properties (--command-config); kcat runs PLAINTEXT only
 * --kcat PATH             kcat executable (default /usr/bin/kcat when present)
 * --sluice-jvm-option O   an extra JVM option for Sluice's tool only (repeatable; e.g. a JFR recording)
 * </pre>
 */
record SideBySideOptions(String sluiceModulePath, String officialClassPath, String brokerClassPath, Path probeJar,
                         Path workDir, long records, long latencyRecords, int rate, int rounds, long warmupRecords,
                         long latencyWarmupRecords, long throughputWarmupRecords, List<String> scenarioNames, List<String> protocols, List<Contender> contenders, String kcat,
                         List<String> sluiceJvmOptions, String commandLine) {

    /** The default steady-state start of the fixed-rate scenario: records of its first this many seconds. */
    static final int LATENCY_WARMUP_SECONDS = 5;

    static SideBySideOptions parse(String[] args) {
        String mp = null;
        String official = null;
        String broker = null;
        Path probe = null;
        Path work = Path.of("bench", "target", "side-by-side");
        long records = 3_000_000;
        long latencyRecords = 500_000;
        int rate = 50_000;
        int rounds = 3;
        long warmup = 1_000_000;
        long latencyWarmup = -1; // the first LATENCY_WARMUP_SECONDS, once the rate and the record count are known
        long throughputWarmup = 0;
        List<String> scenarios = List.of();
        List<Contender> contenders = List.of(Contender.values());
        List<String> protocols = List.of(Scenario.PLAINTEXT);
        String kcat = Files.isExecutable(Path.of("/usr/bin/kcat")) ? "/usr/bin/kcat" : null;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args[++i];
            switch (name) {
                case "--sluice-module-path": mp = v; break;
                case "--official-class-path": official = v; break;
                case "--broker-class-path": broker = v; break;
                case "--probe-jar": probe = Path.of(v); break;
                case "--work-dir": work = Path.of(v); break;
                case "--records": records = Long.parseLong(v); break;
                case "--latency-records": latencyRecords = Long.parseLong(v); break;
                case "--rate": rate = Integer.parseInt(v); break;
                case "--rounds": rounds = Integer.parseInt(v); break;
                case "--warmup-records": warmup = Long.parseLong(v); break;
                case "--latency-warmup-records": latencyWarmup = Long.parseLong(v); break;
                case "--throughput-warmup-records": throughputWarmup = Long.parseLong(v); break;
                case "--scenarios": scenarios = Arrays.asList(v.split(",")); break;
                case "--contenders":
                    contenders = Arrays.stream(v.split(",")).map(c -> Contender.valueOf(c.trim().toUpperCase(Locale.ROOT))).toList();
                    break;
                case "--protocols":
                    protocols = Arrays.stream(v.split(",")).map(p -> p.trim().toUpperCase(Locale.ROOT)).toList();
                    break;
                case "--kcat": kcat = v; break;
                case "--sluice-jvm-option": jvm.add(v); break;
                default: throw new IllegalArgumentException("Unknown option " + name + "; see SideBySideOptions");
            }
        }
        if (mp == null || official == null || broker == null || probe == null) {
            throw new IllegalArgumentException("--sluice-module-path, --official-class-path, --broker-class-path and "
                    + "--probe-jar are required; bench/run-side-by-side.sh passes them");
        }
        if (latencyWarmup < 0) {
            latencyWarmup = Math.min((long) rate * LATENCY_WARMUP_SECONDS, latencyRecords / 2);
        }
        checkWarmup("--latency-warmup-records", latencyWarmup, "--latency-records", latencyRecords);
        checkWarmup("--throughput-warmup-records", throughputWarmup, "--records", records);
        return new SideBySideOptions(mp, official, broker, probe, work.toAbsolutePath(), records, latencyRecords, rate,
                rounds, warmup, latencyWarmup, throughputWarmup, scenarios, protocols, contenders, kcat, jvm,
                commandLine(args));
    }

    private static void checkWarmup(String option, long warmup, String recordsOption, long records) {
        if (warmup < 0 || (warmup > 0 && warmup >= records)) {
            throw new IllegalArgumentException(option + " " + warmup + " must be 0 (no steady-state summary) or between 1 "
                    + "and " + recordsOption + " (" + records + ") - 1; lower it or raise " + recordsOption);
        }
    }

    /** The picked scenarios, each over every protocol in turn (so a scenario's protocols run next to each other). */
    List<Scenario> scenarios() {
        List<Scenario> all = Scenario.standard(records, latencyRecords, rate, throughputWarmupRecords,
                latencyWarmupRecords);
        List<Scenario> picked = new ArrayList<>();
        if (scenarioNames.isEmpty()) {
            picked.addAll(all);
        }
        for (String n : scenarioNames) {
            picked.add(all.stream().filter(s -> s.name().equals(n.trim())).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("No scenario " + n + "; known: " + all.stream().map(Scenario::name).toList())));
        }
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : picked) {
            for (String protocol : protocols) {
                out.add(s.over(protocol));
            }
        }
        return out;
    }

    boolean needsSaslSsl() {
        return protocols.contains(Scenario.SASL_SSL);
    }

    /** The options that shape the results (not the long paths), for the report. */
    private static String commandLine(String[] args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].endsWith("-path") && !args[i].equals("--probe-jar") && !args[i].equals("--work-dir")) {
                kept.add(args[i] + " " + args[i + 1]);
            }
        }
        return ("bench/run-side-by-side.sh " + String.join(" ", kept)).trim();
    }
}
