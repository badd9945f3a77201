package io.sluice.testkit;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable sorted copies, so that specs compare and print the same whatever order options were given in. */
final class Collections2 {

    private Collections2() {
    }

    static <K, V> SortedMap<K, V> immutableSorted(Map<K, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    static <K, K2, V> SortedMap<K, SortedMap<K2, V>> immutableSortedNested(Map<K, ? extends Map<K2, V>> map) {
        TreeMap<K, SortedMap<K2, V>> copy = new TreeMap<>();
        map.forEach((key, inner) -> copy.put(key, immutableSorted(inner)));
        return Collections.unmodifiableSortedMap(copy);
    }
}
