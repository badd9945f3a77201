package io.sluice.bench.profile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU samples of one group of threads (one thread, or threads whose names differ only in trailing digits,
 * like {@code GC Thread#0..n}): counted in all, by kind of code and by symbol. Filled and then read by the
 * summarizer's main thread; not thread-safe.
 */
final class ThreadCpu {

    private final String name;
    private final ThreadRole role;
    private final Set<Integer> tids = new TreeSet<>();
    private final Map<CodeKind, Long> byKind = new EnumMap<>(CodeKind.class);
    private final Map<String, Long> bySymbol = new HashMap<>();
    private final Map<String, CodeKind> kindOfSymbol = new HashMap<>();
    private long samples;

    ThreadCpu(String name, ThreadRole role) {
        this.name = name;
        this.role = role;
    }

    void add(PerfSample s) {
        CodeKind kind = s.kind();
        String symbol = s.symbol().equals(PerfSample.UNKNOWN) ? PerfSample.UNKNOWN + " in " + s.dsoName() : s.symbol();
        samples++;
        tids.add(s.tid());
        byKind.merge(kind, 1L, Long::sum);
        bySymbol.merge(symbol, 1L, Long::sum);
        kindOfSymbol.putIfAbsent(symbol, kind);
    }

    String name() {
        return name;
    }

    ThreadRole role() {
        return role;
    }

    int threads() {
        return tids.size();
    }

    long samples() {
        return samples;
    }

    long samples(CodeKind kind) {
        return byKind.getOrDefault(kind, 0L);
    }

    /** The {@code n} symbols with the most samples, most first (ties by name). */
    List<SymbolCount> topSymbols(int n) {
        List<SymbolCount> all = new ArrayList<>();
        bySymbol.forEach((symbol, count) -> all.add(new SymbolCount(symbol, kindOfSymbol.get(symbol), count)));
        all.sort((a, b) -> a.samples() != b.samples() ? Long.compare(b.samples(), a.samples()) : a.symbol().compareTo(b.symbol()));
        return all.subList(0, Math.min(n, all.size()));
    }

    record SymbolCount(String symbol, CodeKind kind, long samples) {
    }
}
