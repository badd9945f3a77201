package io.sluice.it.perf;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code io.sluice.examples.ProducerPerformance} in a child JVM on the module path, as
 * {@code bin/sluice-producer-perf-test} does ({@code --add-modules HdrHistogram}), with the modules picked by
 * name from this test JVM's class path (the reactor's jars and their libraries). Stateless apart from the
 * module map it reads once.
 */
final class PerfToolLauncher {

    /** What a user of the perf tool with the lz4 codec puts on the module path. */
    static final List<String> MODULES = List.of("io.sluice.api", "io.sluice.core", "io.sluice.transport.nio",
            "io.sluice.codec.lz4", "org.lz4.java", "io.sluice.examples", "org.slf4j", "HdrHistogram");

    private final Map<String, Path> available = new LinkedHashMap<>();

    PerfToolLauncher() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                continue;
            }
            try {
                for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
                    available.putIfAbsent(ref.descriptor().name(), p);
                }
            } catch (FindException e) {
                // not usable as a module (Kafka's jars): never picked
            }
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> path = new ArrayList<>();
        for (String module : MODULES) {
            Path p = available.get(module);
            if (p == null) {
                throw new IllegalStateException("Module " + module + " is not on the test class path; found " + available.keySet());
            }
            path.add(p.toString());
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "--module-path", String.join(File.pathSeparator, path), "--add-modules", "HdrHistogram",
                "--module", "io.sluice.examples/io.sluice.examples.ProducerPerformance"));
        cmd.addAll(List.of(args));
        Process process = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process));
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("The perf tool did not exit within 2 minutes: " + cmd);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8), cmd);
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getErrorStream().readAllBytes();
        } catch (IOException e) {
            return ("(standard error unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** How the tool exited and what it printed. */
    record Result(int exitCode, String stdout, String stderr, List<String> command) {
        @Override
        public String toString() {
            return "exit " + exitCode + " of " + String.join(" ", command) + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
