package io.sluice.testkit.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP proxy between Kafka clients and ONE broker that injects network faults on command: drop every
 * connection, stall, delay, blackhole, cut a frame in half, refuse new connections.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start("broker-1", new InetSocketAddress("127.0.0.1", 9092))) {
 *     // clients connect to proxy.address() ...
 *     proxy.cutNextFrameInHalf(Direction.BROKER_TO_CLIENT);   // the next response arrives half, then the end
 *     proxy.stall(Direction.BOTH, Duration.ofSeconds(2));      // nothing moves for 2 s, then everything does
 *     proxy.dropConnections();                                 // every connection reset, both sides
 *     proxy.heal();                                            // every fault lifted
 * }
 * }</pre>
 *
 * <p>It understands Kafka framing (a 4-byte big-endian size, then the frame) just enough to act per frame; the
 * bytes pass unchanged. Each connection gets two threads, one per direction ({@link FramePump}); one acceptor
 * thread takes new connections and connects each to the broker (a broker that is down: the client's connection is
 * reset at once). Threads are daemons named {@code sluice-fault-proxy-<name>-...}.
 *
 * <p>Thread-safe: every fault method may be called from any thread while traffic flows; faults apply from the
 * next frame or chunk on. Faults last until lifted (by their opposite, or {@link #heal()}), except a timed stall.
 * For a Kafka cluster, let the testkit start one proxy per broker ({@code KafkaCluster.builder().withFaultProxies()}),
 * so that brokers advertise the proxies to clients.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final int BACKLOG = 50;
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final String name;
    private final InetSocketAddress target;
    private final ServerSocket server;
    private final FaultState state = new FaultState();
    private final ProxyCounters counters = new ProxyCounters();
    private final ProxyConnections connections = new ProxyConnections();
    private final Thread acceptor;

    private FaultProxy(String name, InetSocketAddress target, ServerSocket server) {
        this.name = name;
        this.target = target;
        this.server = server;
        this.acceptor = new Thread(new ProxyAcceptor(name, server, target, state, counters, connections),
                "sluice-fault-proxy-" + name + "-acceptor");
        this.acceptor.setDaemon(true);
    }

    /** Starts a proxy on a free port of 127.0.0.1 that forwards to {@code target}. */
    public static FaultProxy start(String name, InetSocketAddress target) {
        return start(name, 0, target);
    }

    /**
     * Starts a proxy on {@code port} of 127.0.0.1 (0 for a free port) that forwards to {@code target}.
     *
     * @throws UncheckedIOException if the port cannot be bound (say which port, and that another process may hold it)
     */
    public static FaultProxy start(String name, int port, InetSocketAddress target) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Proxy " + name + ": port " + port + " is not a TCP port; use 0 to 65535");
        }
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            closeQuietly(server);
            throw new UncheckedIOException("Proxy " + name + " could not listen on 127.0.0.1:" + port
                    + " (is another process using it?); pick another port or 0 for a free one", e);
        }
        FaultProxy proxy = new FaultProxy(name, target, server);
        proxy.acceptor.start();
        return proxy;
    }

    /** The name given at start, e.g. {@code broker-2}. */
    public String name() {
        return name;
    }

    /** The port clients connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:port}: where clients connect. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Where the proxy forwards to. */
    public InetSocketAddress target() {
        return target;
    }

    // ---------------------------------------------------------------------------------------------- faults

    /**
     * Closes every open connection abruptly, on both sides: the client and the broker each see a reset (linger 0;
     * where the platform refuses that, an orderly close). Connections swallowed by a blackhole close too.
     *
     * @return the number of connections closed
     */
    public int dropConnections() {
        int dropped = connections.dropAll();
        counters.dropped(dropped);
        counters.injected(FaultKind.DROP_CONNECTIONS);
        LOG.debug("{}: dropped {} connections", name, dropped);
        return dropped;
    }

    /** Stops forwarding in {@code direction} until {@link #unstall()} (or {@link #heal()}); nothing is lost. */
    public void stall(Direction direction) {
        state.stall(Objects.requireNonNull(direction, "direction"), null);
        counters.injected(FaultKind.STALL);
    }

    /** Stops forwarding in {@code direction} for {@code duration}, then forwards what waited, in order. */
    public void stall(Direction direction, Duration duration) {
        state.stall(Objects.requireNonNull(direction, "direction"), checkPositive(duration, "stall"));
        counters.injected(FaultKind.STALL);
    }

    /** Stops forwarding in both directions for {@code duration}. */
    public void stall(Duration duration) {
        stall(Direction.BOTH, duration);
    }

    /** Forwards again in both directions (a timed stall also ends by itself). */
    public void unstall() {
        state.unstall();
    }

    /**
     * Holds each frame in {@code direction} for {@code delay} after its size arrived, before forwarding it;
     * {@link Duration#ZERO} lifts the delay (frames being held go at once). Frames of one connection and direction
     * pass one after another, so a connection carries at most one frame per {@code delay} that way: a slow link,
     * the kind that makes requests time out.
     */
    public void delay(Direction direction, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("Proxy " + name + ": delay " + delay + " is negative; use ZERO to lift it");
        }
        state.delay(Objects.requireNonNull(direction, "direction"), delay);
        if (!delay.isZero()) {
            counters.injected(FaultKind.DELAY);
        }
    }

    /** {@link #delay(Direction, Duration)} both ways. */
    public void delay(Duration delay) {
        delay(Direction.BOTH, delay);
    }

    /**
     * Makes the proxy a blackhole until {@link #unblackhole()}: open connections forward nothing (as a stall both
     * ways, so nothing is lost if it ends), new connections are accepted and never answered.
     */
    public void blackhole() {
        connections.blackhole(state, true);
        counters.injected(FaultKind.BLACKHOLE);
    }

    /** Ends a blackhole: open connections forward again; connections it swallowed are reset. */
    public void unblackhole() {
        connections.blackhole(state, false);
    }

    /**
     * Arms a cut of the next frame to start in {@code direction} (BOTH: whichever comes first) on any connection:
     * the proxy forwards its first half ({@code (4 + size) / 2} bytes, size prefix included), ends that stream
     * (FIN) so the receiver sees the truncated frame, and closes the connection on both sides. One cut is armed
     * at a time: arming again cancels the previous one, as does {@link #heal()}.
     *
     * @return completes once the frame has been cut; cancelled if the cut is disarmed first
     */
    public CompletableFuture<Void> cutNextFrameInHalf(Direction direction) {
        return state.armCut(Objects.requireNonNull(direction, "direction")).done;
    }

    /** Cancels an armed {@link #cutNextFrameInHalf cut} that has not been made yet. */
    public void disarmCut() {
        state.disarmCut();
    }

    /**
     * Refuses new connections, or accepts them again. A refused connection is accepted and reset at once (the
     * listening socket stays open, so its port stays ours); open connections are left alone.
     */
    public void refuseNewConnections(boolean refuse) {
        state.refuse(refuse);
        if (refuse) {
            counters.injected(FaultKind.REFUSE_CONNECTIONS);
        }
    }

    /** Lifts every fault: no stall, delay, blackhole or refusal; an armed cut is cancelled. Open connections stay. */
    public void heal() {
        connections.heal(state);
    }

    // -------------------------------------------------------------------------------------------- counters

    /** Connections accepted since start, refused and swallowed ones included. */
    public long connectionsAccepted() {
        return counters.connectionsAccepted();
    }

    /** Connections reset at once while {@link #refuseNewConnections refusing}. */
    public long connectionsRefused() {
        return counters.connectionsRefused();
    }

    /** Connections closed by {@link #dropConnections()}. */
    public long connectionsDropped() {
        return counters.connectionsDropped();
    }

    /** Connections forwarding now (both sides connected). */
    public int openConnections() {
        return connections.openCount();
    }

    /** Connections a blackhole holds now: accepted, never answered, reset when it ends. */
    public int swallowedConnections() {
        return connections.swallowedCount();
    }

    /** Whole frames forwarded in {@code direction} (BOTH: the sum); cut frames are not counted. */
    public long framesForwarded(Direction direction) {
        return counters.framesForwarded(Objects.requireNonNull(direction, "direction"));
    }

    /**
     * How many faults of {@code kind} this proxy injected: one per call of the fault's method (a stall, a delay
     * other than zero, a blackhole, a refusal switched on, a drop), except {@link FaultKind#HALF_FRAME}, counted
     * when a frame is actually cut. Broker faults are never counted here.
     */
    public long faultsInjected(FaultKind kind) {
        return counters.faultsInjected(Objects.requireNonNull(kind, "kind"));
    }

    /** Every kind injected at least once, with its count. */
    public Map<FaultKind, Long> faultsByKind() {
        return counters.faultsByKind();
    }

    /** Stops listening and resets every connection. Idempotent. */
    @Override
    public void close() {
        closeQuietly(server);
        connections.close();
        state.clear();
        try {
            acceptor.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + name + " " + address() + " -> " + target.getHostString() + ":" + target.getPort()
                + "; " + state + "; " + counters + "]";
    }

    private Duration checkPositive(Duration duration, String what) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Proxy " + name + ": " + what + " duration " + duration
                    + " must be positive; use unstall()/heal() to lift a fault");
        }
        return duration;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing more to release
        }
    }
}
