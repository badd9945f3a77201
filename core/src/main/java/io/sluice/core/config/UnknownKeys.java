package io.sluice.core.config;

import io.sluice.api.config.ProducerConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Explains configuration keys that nothing used: neither the producer's table nor any plugin read
 * them. As in Apache Kafka this is a warning, not an error (properties files are often shared
 * with consumers and other tools), but unlike Kafka the warning suggests the key that was probably
 * meant. Stateless.
 */
public final class UnknownKeys {

    /** Prefixes of keys that belong to other Kafka clients or tools and are common in shared files. */
    private static final List<String> FOREIGN_PREFIXES = List.of("consumer.", "admin.", "group.", "auto.offset.");

    private UnknownKeys() {
    }

    /**
     * One warning line per unused key, or none.
     *
     * @param unused keys the user gave that no one read
     */
    public static List<String> warnings(Collection<String> unused) {
        List<String> lines = new ArrayList<>();
        for (String key : unused) {
            StringBuilder line = new StringBuilder("Configuration '").append(key)
                    .append("' was supplied but is not a known producer configuration and no plugin used it; it is ignored.");
            String suggestion = closestKnownKey(key);
            if (suggestion != null) {
                line.append(" Did you mean '").append(suggestion).append("'?");
            } else if (FOREIGN_PREFIXES.stream().anyMatch(key::startsWith)) {
                line.append(" (It looks like a consumer or admin setting.)");
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The table key within edit distance 2 of {@code key}, or null. */
    static String closestKnownKey(String key) {
        String best = null;
        int bestDistance = 3;
        String k = key.toLowerCase(Locale.ROOT);
        Set<String> known = ProducerConfig.keysByName().keySet();
        for (String candidate : known) {
            int d = distance(k, candidate, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once it must reach {@code limit}. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }
}
