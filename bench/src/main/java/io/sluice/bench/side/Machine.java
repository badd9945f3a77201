package io.sluice.bench.side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One line about the machine a report was measured on: CPU, cores, memory, JDK, kcat/librdkafka, load. Stateless. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM, "
                + memoryGb() + " GB RAM; JDK " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.vendor") + "); " + kcatVersion() + "; load average at the end " + loadAverage();
    }

    /** The 1, 5 and 15 minute load averages (2.0 means both cores busy on average). */
    static String loadAverage() {
        return firstWords("/proc/loadavg", 3);
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "CPU unknown";
        }
        return "CPU unknown";
    }

    /** From {@code MemTotal: 24684032 kB}, the first line of /proc/meminfo. */
    private static String memoryGb() {
        String[] f = firstWords("/proc/meminfo", 2).split(" ");
        try {
            return Long.toString(Math.round(Long.parseLong(f[f.length - 1]) / 1024.0 / 1024.0));
        } catch (NumberFormatException e) {
            return "?";
        }
    }

    private static String firstWords(String file, int words) {
        try {
            String[] f = Files.readString(Path.of(file), StandardCharsets.US_ASCII).trim().split("\\s+");
            return String.join(" ", List.of(f).subList(0, Math.min(words, f.length)));
        } catch (IOException e) {
            return "?";
        }
    }

    private static String kcatVersion() {
        try {
            Process p = new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            for (String line : out.split("\\R")) {
                if (line.contains("librdkafka")) {
                    return "kcat " + out.split("\\R")[0].replaceAll(".*kcat - ", "").trim() + ", " + line.trim();
                }
            }
            return "kcat (version unknown)";
        } catch (IOException e) {
            return "no kcat";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "kcat (interrupted)";
        }
    }
}
