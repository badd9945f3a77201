package io.sluice.bench.side;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The side-by-side benchmark: one Kafka 4.4 broker (testkit {@code LocalKafka}, its own JVM), warmed up, then
 * interleaved rounds of Sluice's perf tool, Kafka's own {@code kafka-producer-perf-test} (kafka-tools 4.4.0) and
 * librdkafka through {@code kcat -P}, each in its own process, with identical settings and record counts
 * ({@link Scenario}). In each round every scenario runs every producer once, the order rotating from round to
 * round so no producer always follows the same one. Writes {@code side-by-side.md} (tables) and
 * {@code side-by-side.csv} (every run) to the work directory. Run it with {@code bench/run-side-by-side.sh},
 * which builds the paths this needs; options are in {@link SideBySideOptions}.
 */
public final class SideBySide {

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        SideBySideOptions o = SideBySideOptions.parse(args);
        PrintStream log = System.out;
        Files.createDirectories(o.workDir());
        List<Scenario> scenarios = o.scenarios();
        Commands commands = new Commands(o.sluiceModulePath(), o.officialClassPath(), o.probeJar(), o.kcat(),
                o.sluiceJvmOptions());
        List<Contender> contenders = new ArrayList<>(o.contenders());
        if (!commands.hasKcat()) {
            contenders.remove(Contender.LIBRDKAFKA);
            log.println("kcat not found: librdkafka is left out");
        }
        Instant started = Instant.now();
        String loadAtStart = Machine.loadAverage();
        List<RunResult> runs = new ArrayList<>();
        try (LocalBroker broker = LocalBroker.start(o.brokerClassPath(), o.workDir().resolve("broker.log"),
                List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"), List.of("num.partitions=" + Scenario.PARTITIONS,
                        "file.delete.delay.ms=1000"), o.needsSaslSsl() ? o.workDir().resolve("sasl-ssl-client.properties") : null);
             Topics topics = new Topics(broker.bootstrap())) {
            log.println("Broker " + broker.bootstrap() + " (pid " + broker.pid() + ")");
            Path payload = contenders.contains(Contender.LIBRDKAFKA)
                    ? KcatPayload.write(o.workDir(), maxKcatRecords(scenarios), Scenario.RECORD_SIZE) : null;
            Runner runner = new Runner(commands, broker, topics, o.workDir(), log);
            warmUp(runner, o, contenders, log);
            for (int round = 1; round <= o.rounds(); round++) {
                log.println("Round " + round + " of " + o.rounds() + " (" + elapsed(started) + " so far)");
                for (int si = 0; si < scenarios.size(); si++) {
                    Scenario s = scenarios.get(si);
                    for (Contender c : rotated(contenders, round + si)) {
                        if (c == Contender.LIBRDKAFKA && (s.fixedRate() || s.secured())) {
                            continue; // kcat has no rate limit, and runs PLAINTEXT only here: the Java producers compare
                        }
                        Path kcatPayload = c == Contender.LIBRDKAFKA ? KcatPayload.write(o.workDir(), s.records(),
                                Scenario.RECORD_SIZE) : payload;
                        runs.add(runner.run(c, s, round, kcatPayload));
                    }
                }
            }
        }
        write(o, scenarios, runs, started, loadAtStart, log);
    }

    /**
     * One unmeasured run per Java producer and protocol, so the broker's JIT (TLS included) and page cache are warm
     * before round 1.
     */
    private static void warmUp(Runner runner, SideBySideOptions o, List<Contender> contenders, PrintStream log)
            throws Exception {
        if (o.warmupRecords() <= 0) {
            return;
        }
        for (String protocol : o.protocols()) {
            Scenario warm = new Scenario("warmup", false, "lz4", -1, o.warmupRecords(), 0, Scenario.PLAINTEXT, 0).over(protocol);
            log.println("Warm-up (not measured): " + warm.describe());
            for (Contender c : contenders) {
                if (c.isJava()) {
                    runner.run(c, warm, 0, null);
                }
            }
        }
    }

    private static long maxKcatRecords(List<Scenario> scenarios) {
        return scenarios.stream().filter(s -> !s.fixedRate()).mapToLong(Scenario::records).max().orElse(0);
    }

    private static List<Contender> rotated(List<Contender> contenders, int by) {
        List<Contender> out = new ArrayList<>();
        for (int i = 0; i < contenders.size(); i++) {
            out.add(contenders.get((i + by) % contenders.size()));
        }
        return out;
    }

    private static void write(SideBySideOptions o, List<Scenario> scenarios, List<RunResult> runs, Instant started,
                              String loadAtStart, PrintStream log) throws IOException {
        List<String> csv = new ArrayList<>(List.of(RunResult.csvHeader()));
        runs.forEach(r -> csv.add(r.csv()));
        Files.write(o.workDir().resolve("side-by-side.csv"), csv, StandardCharsets.UTF_8);
        String md = "Machine: " + Machine.describe() + " (at the start " + loadAtStart + ")\n\nRounds: " + o.rounds()
                + ", took " + elapsed(started)
                + ". Command: `" + o.commandLine() + "`\n\n" + Report.markdown(scenarios, runs);
        Files.writeString(o.workDir().resolve("side-by-side.md"), md, StandardCharsets.UTF_8);
        log.println();
        log.println(md);
        log.println("Wrote " + o.workDir().resolve("side-by-side.md") + " and side-by-side.csv");
    }

    private static String elapsed(Instant since) {
        Duration d = Duration.between(since, Instant.now());
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
