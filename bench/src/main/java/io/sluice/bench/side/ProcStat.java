package io.sluice.bench.side;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a live process from Linux's {@code /proc/<pid>/stat}: user plus system time ({@code utime},
 * {@code stime}, fields 14 and 15, in clock ticks of 10 ms). Used for the broker, which runs throughout.
 * Stateless.
 */
final class ProcStat {

    /** {@code getconf CLK_TCK} is 100 on Linux x86-64 and arm64. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStat() {
    }

    /** @throws IllegalStateException if the process is gone or {@code /proc} is not Linux's */
    static long cpuNanos(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/stat (is process " + pid + " alive, and is "
                    + "this Linux?): " + e, e);
        }
        // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) * NANOS_PER_TICK;
    }
}
