package io.sluice.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Launches a Java main class in a child JVM through {@link ForkedMain}, its output appended to a log file and its
 * standard input a pipe the parent holds (closing it, or dying, ends the child).
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code mainClass} with {@code args}; the returned process runs until it ends or is destroyed. */
    static Process start(List<Path> classPath, List<String> jvmOptions, String mainClass, List<String> args,
                         Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(ForkedMain.class.getName());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a child JVM for " + mainClass + ": " + command.get(0), e);
        }
    }

    /**
     * Runs {@code mainClass} to completion (a command-line tool).
     *
     * @throws IllegalStateException if it exits with a non-zero status or outlasts {@code timeout}; the message
     *     holds the end of its output
     */
    static void run(List<Path> classPath, List<String> jvmOptions, String mainClass, List<String> args,
                    Path logFile, Duration timeout) {
        Process process = start(classPath, jvmOptions, mainClass, args, logFile);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " " + args + " did not finish within " + timeout
                        + "; end of " + logFile + ":\n" + tail(logFile, 20));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + mainClass, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " " + args + " exited with status " + process.exitValue()
                    + "; end of " + logFile + ":\n" + tail(logFile, 20));
        }
    }

    /** The last {@code lines} lines of a log file, for error messages. */
    static String tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e + ")";
        }
    }
}
