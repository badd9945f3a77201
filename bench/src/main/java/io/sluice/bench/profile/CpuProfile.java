package io.sluice.bench.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Summarizes an all-thread CPU profile of a producer perf run taken with Linux perf (bench/run-cpu-profile.sh):
 * CPU per thread and per record, per kind of code, top symbols per thread, and C2's CPU per compiled method.
 *
 * <pre>
 * java -cp bench/target/classes io.sluice.bench.profile.CpuProfile perf-script.txt jit.xml
 *      [--hz 1999] [--records N] [--top 15]
 * </pre>
 * {@code perf-script.txt} is {@code perf script -F comm,tid,time,ip,sym,dso} of a {@code perf record -e cpu-clock
 * -F <hz>} recording of a JVM run with -XX:+DumpPerfMapAtExit (names of JIT-compiled code); {@code jit.xml} is the
 * same run's -XX:+LogCompilation -XX:LogFile, or {@code -} for a run without it (no C2 split by method: logging
 * compilations costs the compiler threads CPU of their own). Runs on the main thread.
 */
public final class CpuProfile {

    private CpuProfile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("Usage: CpuProfile <perf-script.txt> <jit.xml or -> [--hz 1999] [--records N]"
                    + " [--top 15]; bench/run-cpu-profile.sh writes both files and runs this");
        }
        double hz = 1999;
        long records = 0;
        int top = 15;
        for (int i = 2; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--hz": hz = Double.parseDouble(args[i + 1]); break;
                case "--records": records = Long.parseLong(args[i + 1]); break;
                case "--top": top = Integer.parseInt(args[i + 1]); break;
                default: throw new IllegalArgumentException("Unknown option " + args[i] + "; known: --hz, --records, --top");
            }
        }
        List<PerfSample> samples = samples(Path.of(args[0]));
        List<C2Task> tasks = args[1].equals("-") ? null : CompilationLog.c2Tasks(lines(Path.of(args[1])));
        System.out.print(report(samples, tasks, hz, records, top));
    }

    /** The whole report for these samples and C2 tasks ({@code tasks} null: the run had no compilation log). */
    static String report(List<PerfSample> samples, List<C2Task> tasks, double hz, long records, int top) {
        ThreadTable threads = ThreadTable.of(samples);
        C2Attribution.Result c2 = tasks == null ? null : C2Attribution.attribute(c2Samples(samples), tasks);
        return new CpuProfileReport(threads, c2, tasks == null ? 0 : tasks.size(), hz, records, top).render();
    }

    /** The C2 compiler threads' samples, in seconds after the recording's first sample. */
    static List<C2Attribution.Sample> c2Samples(List<PerfSample> samples) {
        double first = samples.stream().mapToDouble(PerfSample::time).min().orElse(0);
        List<C2Attribution.Sample> result = new ArrayList<>();
        for (PerfSample s : samples) {
            if (ThreadRole.of(ThreadTable.groupName(s.comm()), false) == ThreadRole.C2) {
                result.add(new C2Attribution.Sample(s.tid(), s.time() - first));
            }
        }
        return result;
    }

    private static List<PerfSample> samples(Path file) {
        List<PerfSample> samples = new ArrayList<>();
        for (String line : lines(file)) {
            PerfSample s = PerfSample.parse(line);
            if (s != null) {
                samples.add(s);
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no samples: give the output of "
                    + "'perf script -F comm,tid,time,ip,sym,dso -i <perf.data>'");
        }
        return samples;
    }

    /** The file's lines; bytes that are not UTF-8 (perf prints symbol names as it finds them) become U+FFFD. */
    private static List<String> lines(Path file) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist; bench/run-cpu-profile.sh writes it", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return lines;
    }
}
