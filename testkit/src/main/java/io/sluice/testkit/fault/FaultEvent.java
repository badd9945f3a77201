package io.sluice.testkit.fault;

import java.time.Instant;
import java.util.Objects;

/**
 * One fault a {@link FaultSchedule} injected.
 *
 * @param at        when it began
 * @param kind      what it was
 * @param target    what it hit: a proxy's name ({@code broker-2}) or a broker ({@code broker 2})
 * @param detail    how: direction, duration, connections dropped, the partition a stopped broker led
 * @param effective whether it took effect: false for a drop that found no connection, a half-frame cut that no
 *                  frame came to fire, a leader restart of a partition without a leader; such attempts are listed
 *                  but not counted in {@link FaultSchedule#summary()}
 */
public record FaultEvent(Instant at, FaultKind kind, String target, String detail, boolean effective) {

    public FaultEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return at + " " + kind + " " + target + ": " + detail + (effective ? "" : " (no effect)");
    }
}
