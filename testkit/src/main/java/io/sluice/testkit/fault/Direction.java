package io.sluice.testkit.fault;

/**
 * Which way bytes travel through a {@link FaultProxy}: from the client to the broker (requests), from the broker
 * to the client (responses), or both ways.
 */
public enum Direction {

    /** Requests: what the client writes, on its way to the broker. */
    CLIENT_TO_BROKER,

    /** Responses: what the broker writes, on its way to the client. */
    BROKER_TO_CLIENT,

    /** Both directions at once. */
    BOTH;

    /** Whether this direction covers {@code single}, which is {@link #CLIENT_TO_BROKER} or {@link #BROKER_TO_CLIENT}. */
    boolean includes(Direction single) {
        return this == BOTH || this == single;
    }

    /** 0 for {@link #CLIENT_TO_BROKER}, 1 for {@link #BROKER_TO_CLIENT}: the index in per-direction arrays. */
    int index() {
        if (this == BOTH) {
            throw new IllegalArgumentException("Direction BOTH has no single index; name CLIENT_TO_BROKER or "
                    + "BROKER_TO_CLIENT");
        }
        return ordinal();
    }
}
