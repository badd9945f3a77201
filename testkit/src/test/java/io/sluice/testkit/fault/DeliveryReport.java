package io.sluice.testkit.fault;

import java.util.List;

/**
 * What a producer run delivered, as the official consumer read it back.
 *
 * @param sent       records handed to the producer
 * @param acked      records whose callback reported success
 * @param failed     records whose callback reported an exception
 * @param read       records read back
 * @param lost       acknowledged records not read back (must be 0)
 * @param duplicated records read more than once (must be 0)
 * @param reordered  records read after a later record of the same partition (must be 0)
 * @param misplaced  records read from another partition than they were sent to (must be 0)
 * @param examples   up to ten of the offending records, for the failure message
 */
record DeliveryReport(int sent, int acked, int failed, int read, int lost, int duplicated, int reordered,
                      int misplaced, List<String> examples) {

    @Override
    public String toString() {
        return "sent " + sent + ", acknowledged " + acked + ", failed " + failed + ", read " + read + ", lost " + lost
                + ", duplicated " + duplicated + ", reordered " + reordered + ", misplaced " + misplaced
                + (examples.isEmpty() ? "" : ", e.g. " + examples);
    }
}
