package io.sluice.bench.profile;

import java.util.List;
import java.util.Map;

/**
 * A perf tool run's CPU split into the work both Java perf tools do the same way and the producer's own part, so
 * that Sluice and the official producer can be compared on what each producer does:
 * <ul>
 *   <li><b>shared</b>, on the application threads (the tool's main thread, which calls {@code send}, and the
 *       producer's network thread): the perf tool's own compiled code (its send loop, where Kafka's tool and
 *       Sluice's port make 100 random letters per record with {@code SplittableRandom}, its completion callback and
 *       latency statistics), the native compression library, and clock reads (vDSO);</li>
 *   <li><b>the producer's own part</b>: the rest of the compiled code, the interpreter and JVM runtime, the kernel
 *       and libc on the application threads, C2's time on the producer's classes, and GC;</li>
 *   <li>the rest: C2 on other classes (the JDK, the tool), C1, other JVM threads.</li>
 * </ul>
 * Which code is the tool's and which classes are the producer's is told by package (see the prefixes below).
 * Immutable.
 */
record CpuSplit(long toolCode, long compression, long clock, long producerCode, long interpreterAndRuntime,
        long kernel, long libcAndOther, long c2Producer, long c2Other, long c1, long gc, long otherThreads) {

    /** Compiled code of the perf tools, their payload generator and Sluice's tool's histogram. */
    static final List<String> TOOL_PACKAGES = List.of("io.sluice.examples.perf.", "org.apache.kafka.tools.",
            "org.HdrHistogram.", "java.util.SplittableRandom.", "jdk.internal.util.random.RandomSupport.");
    /** The producers' classes, for C2's time: Sluice's and kafka-clients', less the perf tools'. */
    static final List<String> PRODUCER_PACKAGES = List.of("io.sluice.", "org.apache.kafka.");
    static final List<String> NOT_PRODUCER_PACKAGES = List.of("io.sluice.examples.", "org.apache.kafka.tools.");

    /**
     * @param c2 C2's samples by compile task, or null without a compilation log (then all of C2 counts as "other")
     */
    static CpuSplit of(ThreadTable threads, C2Attribution.Result c2) {
        long tool = 0;
        long producerCode = 0;
        long[] kinds = new long[CodeKind.values().length];
        for (ThreadCpu g : threads.groups()) {
            if (g.role() != ThreadRole.SENDING && g.role() != ThreadRole.NETWORK) {
                continue;
            }
            for (CodeKind kind : CodeKind.values()) {
                kinds[kind.ordinal()] += g.samples(kind);
            }
            for (ThreadCpu.SymbolCount s : g.topSymbols(Integer.MAX_VALUE)) {
                if (s.kind() == CodeKind.JIT_JAVA) {
                    if (isToolMethod(s.symbol())) {
                        tool += s.samples();
                    } else {
                        producerCode += s.samples();
                    }
                }
            }
        }
        long c2Producer = 0;
        if (c2 != null) {
            for (Map.Entry<C2Task, Long> e : c2.byTask().entrySet()) {
                if (isProducerClass(e.getKey().className())) {
                    c2Producer += e.getValue();
                }
            }
        }
        long c2All = threads.samples(ThreadRole.C2);
        return new CpuSplit(tool, kinds[CodeKind.COMPRESSION.ordinal()], kinds[CodeKind.VDSO.ordinal()], producerCode,
                kinds[CodeKind.INTERPRETER.ordinal()] + kinds[CodeKind.JVM.ordinal()], kinds[CodeKind.KERNEL.ordinal()],
                kinds[CodeKind.OTHER.ordinal()], c2Producer, c2All - c2Producer, threads.samples(ThreadRole.C1),
                threads.samples(ThreadRole.GC), threads.samples(ThreadRole.OTHER));
    }

    long shared() {
        return toolCode + compression + clock;
    }

    long producerOwn() {
        return producerCode + interpreterAndRuntime + kernel + libcAndOther + c2Producer + gc;
    }

    /**
     * Whether a compiled method (a perf map name such as {@code "void io.sluice.examples.perf.PerfRun.sendAll(...)"}:
     * return type, qualified method name, parameters) belongs to the perf tool. Stubs and adapters are not methods.
     */
    static boolean isToolMethod(String symbol) {
        String method = qualifiedMethod(symbol);
        return method != null && TOOL_PACKAGES.stream().anyMatch(method::startsWith);
    }

    static boolean isProducerClass(String className) {
        return PRODUCER_PACKAGES.stream().anyMatch(className::startsWith)
                && NOT_PRODUCER_PACKAGES.stream().noneMatch(className::startsWith);
    }

    /** {@code a.b.C.m} from {@code "void a.b.C.m(int)"}, or null for a symbol that is not a Java method. */
    static String qualifiedMethod(String symbol) {
        int paren = symbol.indexOf('(');
        if (paren <= 0) {
            return null;
        }
        String head = symbol.substring(0, paren).trim();
        int space = head.lastIndexOf(' ');
        String method = space < 0 ? head : head.substring(space + 1);
        return method.indexOf('.') < 0 ? null : method;
    }
}
