package io.sluice.testkit.fault;

/**
 * The kinds of fault the fault harness injects: five on the network, through a {@link FaultProxy}, and two on the
 * brokers themselves, through {@link BrokerControl}.
 */
public enum FaultKind {

    /** Every open connection through a proxy is closed abruptly, on both sides (RST). */
    DROP_CONNECTIONS,

    /** A proxy stops forwarding in one or both directions; bytes wait in socket buffers, nothing is lost. */
    STALL,

    /** A proxy holds every open connection (as a stall of both ways) and swallows new ones: they never get an answer. */
    BLACKHOLE,

    /** A proxy holds each frame for a while before forwarding it. */
    DELAY,

    /** A proxy forwards only the first half of a frame, then closes the connection on both sides. */
    HALF_FRAME,

    /** A proxy resets new connections as soon as it accepts them. */
    REFUSE_CONNECTIONS,

    /** A broker stops (as a crash looks to the cluster: no controlled shutdown) and starts again later. */
    BROKER_RESTART,

    /** The broker leading a given partition stops, and starts again later. */
    LEADER_RESTART;

    /** Whether this fault acts on a broker process rather than on a proxy. */
    public boolean isBrokerFault() {
        return this == BROKER_RESTART || this == LEADER_RESTART;
    }
}
