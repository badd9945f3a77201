package io.sluice.bench.profile;

import java.util.Locale;

/**
 * What kind of code a CPU sample ran, from its dso (and, inside the JVM's perf map, its symbol): the split that
 * shows whether a thread's time goes to compiled Java, the JVM itself, a native codec, the kernel or clock reads.
 */
enum CodeKind {
    JIT_JAVA("JIT Java"),
    INTERPRETER("interp."),
    JVM("libjvm"),
    COMPRESSION("compress"),
    KERNEL("kernel"),
    VDSO("vDSO"),
    OTHER("libc/other");

    private final String label;

    CodeKind(String label) {
        this.label = label;
    }

    /** A short column heading. */
    String label() {
        return label;
    }

    /**
     * JIT_JAVA: anything in the JVM's perf map ({@code /tmp/perf-<pid>.map}, written by -XX:+DumpPerfMapAtExit:
     * compiled methods, stubs, adapters) except the template interpreter, which the map names {@code Interpreter};
     * JVM: libjvm.so; COMPRESSION: a library named after lz4, zstd or snappy (the codecs' extracted JNI
     * libraries), or zlib's libz.so;
     * KERNEL: {@code [kernel.kallsyms]} and other bracketed kernel modules; VDSO: {@code [vdso]} (clock_gettime);
     * OTHER: libc, the JDK's other native libraries, {@code [unknown]}.
     */
    static CodeKind of(String symbol, String dso) {
        String name = dso.substring(dso.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.matches("perf-\\d+\\.map")) {
            return symbol.equals("Interpreter") ? INTERPRETER : JIT_JAVA;
        }
        if (name.equals("libjvm.so")) {
            return JVM;
        }
        // the codecs' JNI libraries are extracted under generated names: liblz4-java-<n>.so,
        // libzstd-jni-<version>-<n>.so, snappy-<version>-<uuid>-libsnappyjava.so
        if (name.contains("lz4") || name.contains("zstd") || name.contains("snappy") || name.startsWith("libz.so")) {
            return COMPRESSION;
        }
        if (name.equals("[vdso]")) {
            return VDSO;
        }
        if (name.startsWith("[") && !name.equals(PerfSample.UNKNOWN) && !name.equals("[vsyscall]")) {
            return KERNEL;
        }
        return OTHER;
    }
}
