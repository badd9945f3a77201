package io.sluice.bench.profile;

/**
 * One compilation done by a C2 compiler thread, as -XX:+LogCompilation logs it: the method ({@code class::name
 * descriptor}), when it started and ended (seconds since the JVM started, millisecond stamps), how many bytecodes
 * C2 inlined into it, and its OSR entry bci or -1 for a normal compilation. Immutable.
 *
 * @param tid     the compiler thread's OS thread id (the log's {@code compilation_log thread}, perf's tid)
 * @param success false when C2 gave up on it (the time still counts)
 */
record C2Task(int compileId, int tid, String className, String method, double start, double end, int inlinedBytes,
        int osrBci, boolean success) {

    boolean osr() {
        return osrBci >= 0;
    }

    /** The compiled method's package ("(default)" for a class without one). */
    String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "(default)" : className.substring(0, dot);
    }

    /** {@code io.sluice.core.Foo::bar (I)V}. */
    String methodDisplay() {
        return className + "::" + method;
    }

    boolean contains(double stamp) {
        return stamp >= start && stamp <= end;
    }
}
