package io.sluice.it.reliability;

import java.util.List;
import java.util.Map;

/**
 * What a Sluice producer run delivered, as the official consumer read it back.
 *
 * @param sent       records handed to the producer
 * @param acked      records whose callback reported success
 * @param failed     records whose callback reported an exception
 * @param read       records read back
 * @param lost       acknowledged records not read back (must be 0)
 * @param duplicated records read more than once (must be 0)
 * @param reordered  records read after a later record of the same sender lane (must be 0)
 * @param faults     faults injected, by kind
 * @param examples   up to ten offending records, for failure messages
 */
record DeliveryReport(long sent, long acked, long failed, long read, long lost, long duplicated, long reordered,
                      Map<String, Long> faults, List<String> examples) {

    /** A Markdown table row: the figures RELIABILITY.md reports. */
    String markdownRow(String run) {
        return "| " + run + " | " + sent + " | " + acked + " | " + failed + " | " + read + " | " + lost + " | " + duplicated
                + " | " + reordered + " | " + faults + " |";
    }

    @Override
    public String toString() {
        return "sent " + sent + ", acknowledged " + acked + ", failed with exception " + failed + ", read back " + read
                + ", lost " + lost + ", duplicated " + duplicated + ", reordered " + reordered + ", faults " + faults
                + (examples.isEmpty() ? "" : ", e.g. " + examples);
    }
}
