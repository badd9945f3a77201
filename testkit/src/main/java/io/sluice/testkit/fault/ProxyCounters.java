package io.sluice.testkit.fault;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one {@link FaultProxy} has done: connections accepted, refused and dropped, frames forwarded per direction,
 * faults injected by kind.
 *
 * <p>Thread-safe: every counter is an atomic; the acceptor, the pumps and the test thread update them.
 */
final class ProxyCounters {

    private final AtomicLongArray connections = new AtomicLongArray(3); // accepted, refused, dropped
    private final AtomicLongArray frames = new AtomicLongArray(2); // by Direction.index()
    private final AtomicLongArray faults = new AtomicLongArray(FaultKind.values().length);

    void accepted() {
        connections.incrementAndGet(0);
    }

    void refused() {
        connections.incrementAndGet(1);
    }

    void dropped(int count) {
        connections.addAndGet(2, count);
    }

    void forwarded(Direction single) {
        frames.incrementAndGet(single.index());
    }

    void injected(FaultKind kind) {
        faults.incrementAndGet(kind.ordinal());
    }

    long connectionsAccepted() {
        return connections.get(0);
    }

    long connectionsRefused() {
        return connections.get(1);
    }

    long connectionsDropped() {
        return connections.get(2);
    }

    long framesForwarded(Direction direction) {
        return direction == Direction.BOTH ? frames.get(0) + frames.get(1) : frames.get(direction.index());
    }

    long faultsInjected(FaultKind kind) {
        return faults.get(kind.ordinal());
    }

    /** Faults injected so far, by kind, leaving out kinds never injected. */
    Map<FaultKind, Long> faultsByKind() {
        Map<FaultKind, Long> byKind = new EnumMap<>(FaultKind.class);
        for (FaultKind kind : FaultKind.values()) {
            long count = faults.get(kind.ordinal());
            if (count > 0) {
                byKind.put(kind, count);
            }
        }
        return byKind;
    }

    @Override
    public String toString() {
        return "accepted " + connectionsAccepted() + ", refused " + connectionsRefused() + ", dropped "
                + connectionsDropped() + ", frames to broker " + frames.get(0) + ", frames to client " + frames.get(1)
                + ", faults " + faultsByKind();
    }
}
