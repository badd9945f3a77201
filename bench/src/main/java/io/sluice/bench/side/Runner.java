package io.sluice.bench.side;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs one producer on one scenario in a fresh topic and turns what it printed and what was measured
 * around it into a {@link RunResult}: the tool's summary, {@code /usr/bin/time}, the probe's samples, the
 * broker's CPU over the run, and the records found in the topic afterwards. Used by the main thread.
 */
final class Runner {

    private static final long RUN_TIMEOUT_MINUTES = 10;

    private final Commands commands;
    private final LocalBroker broker;
    private final Topics topics;
    private final Path workDir;
    private final PrintStream log;

    Runner(Commands commands, LocalBroker broker, Topics topics, Path workDir, PrintStream log) {
        this.commands = commands;
        this.broker = broker;
        this.topics = topics;
        this.workDir = workDir;
        this.log = log;
    }

    RunResult run(Contender who, Scenario s, int round, Path kcatPayload) throws Exception {
        String id = s.name() + "-" + who.name().toLowerCase(Locale.ROOT) + "-r" + round;
        String topic = "sbs-" + id + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        Path javaPayload = s.payloadLines() > 0 ? KcatPayload.write(workDir, s.payloadLines(), Scenario.RECORD_SIZE) : null;
        Commands.RunFiles files = new Commands.RunFiles(workDir.resolve(id + ".time"), workDir.resolve(id + ".probe"),
                kcatPayload, javaPayload);
        Files.deleteIfExists(files.time());
        Files.deleteIfExists(files.probe());
        topics.create(topic, Scenario.PARTITIONS);
        List<String> cmd = commands.command(who, s, broker.endpoint(s), topic, files);
        long brokerBefore = broker.cpuNanos();
        Execution ex = execute(cmd, workDir.resolve(id + ".out"));
        long brokerCpu = broker.cpuNanos() - brokerBefore;
        long delivered = topics.recordCount(topic, Scenario.PARTITIONS);
        topics.delete(topic);
        RunResult r = result(who, s, round, ex, files, delivered, brokerCpu);
        log.printf(Locale.ROOT, "  %-10s %-14s r%d: %s %,.0f rec/s, cpu %.0f ns/rec (steady %.0f), alloc %.1f B/rec, "
                        + "p50 %.2f ms, p99 %.2f ms%s, broker %.0f ns/rec%s%n", who, s.name(), round,
                r.ok() ? "ok" : "FAILED", r.recordsPerSec(), r.cpuNanosPerRecord(), r.steadyCpuNanosPerRecord(),
                r.steadyAllocBytesPerRecord(), r.p50Ms(), r.p99Ms(), Double.isNaN(r.steadyP99Ms()) ? ""
                        : String.format(Locale.ROOT, " (steady state %.2f / %.2f)", r.steadyP50Ms(), r.steadyP99Ms()),
                r.brokerCpuNanosPerRecord(), r.note().isEmpty() ? "" : " (" + r.note() + ")");
        return r;
    }

    private RunResult result(Contender who, Scenario s, int round, Execution ex, Commands.RunFiles files, long delivered,
                             long brokerCpu) throws IOException {
        long n = s.records();
        List<String> notes = new ArrayList<>();
        if (ex.exitCode() != 0) {
            notes.add("exit " + ex.exitCode());
        }
        if (delivered != n) {
            notes.add(delivered + " of " + n + " records in the topic");
        }
        ToolOutput.Times t = Files.exists(files.time()) ? ToolOutput.times(files.time()) : new ToolOutput.Times(Double.NaN,
                Double.NaN, Double.NaN, 0);
        double recordsPerSec;
        double mbPerSec;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        double steadyP50 = Double.NaN;
        double steadyP99 = Double.NaN;
        double[] steady = {Double.NaN, Double.NaN, Double.NaN, 0};
        if (who.isJava()) {
            ToolOutput.Summary summary = ToolOutput.summary(ex.stdout());
            if (summary == null) {
                notes.add("no summary line");
                recordsPerSec = Double.NaN;
                mbPerSec = Double.NaN;
            } else {
                recordsPerSec = summary.recordsPerSec();
                mbPerSec = summary.mbPerSec();
                p50 = summary.p50Ms();
                p99 = summary.p99Ms();
                steadyP50 = summary.steadyP50Ms();
                steadyP99 = summary.steadyP99Ms();
                if (s.warmupRecords() > 0 && Double.isNaN(steadyP99)) {
                    notes.add("no steady-state summary despite --warmup-records " + s.warmupRecords());
                }
            }
            steady = ToolOutput.steady(ToolOutput.samples(files.probe()), n, s.warmupRecords(),
                    ToolOutput.progressLinesBeforeSteadyState(ex.stdout()));
        } else {
            recordsPerSec = n / t.wallSeconds();
            mbPerSec = recordsPerSec * Scenario.RECORD_SIZE / (1024.0 * 1024.0);
        }
        return new RunResult(s, who, round, notes.isEmpty(), delivered, recordsPerSec, mbPerSec, t.cpuSeconds() * 1e9 / n,
                steady[0], steady[1], steady[2], (long) steady[3], p50, p99, steadyP50, steadyP99, brokerCpu / (double) n, t.maxRssKb(),
                String.join("; ", notes));
    }

    /** The child's exit status and standard output (also copied to a file); standard error goes to a file. */
    record Execution(int exitCode, List<String> stdout) {
    }

    private static Execution execute(List<String> cmd, Path outFile) throws IOException, InterruptedException {
        Path errFile = Path.of(outFile.toString().replace(".out", ".err"));
        Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<stdout unreadable: " + e + ">");
            }
        }, "sbs-stdout");
        reader.start();
        if (!p.waitFor(RUN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        reader.join();
        Files.write(outFile, lines, StandardCharsets.UTF_8);
        return new Execution(p.exitValue(), List.copyOf(lines));
    }
}
