package io.sluice.testkit.fault;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The connections of one {@link FaultProxy}: those forwarding, and those a blackhole swallowed (accepted, never
 * answered). Drops, the end of a blackhole, healing and closing reset them from here.
 *
 * <p>Thread-safe: guarded by this object's monitor. The acceptor adds, pumps remove (when their connection
 * ends), the test thread drops. Switching the blackhole happens under the same monitor as the acceptor's
 * "blackholed? then swallow" step, so a connection accepted just as a blackhole ends is never left swallowed.
 */
final class ProxyConnections {

    // guarded by this
    private final Set<ProxyConnection> open = new HashSet<>();
    private final List<Socket> swallowed = new ArrayList<>();
    private boolean closed;

    /** Adds a forwarding connection; false once the proxy is closed (the caller then resets it). */
    synchronized boolean register(ProxyConnection connection) {
        if (closed) {
            return false;
        }
        open.add(connection);
        return true;
    }

    synchronized void forget(ProxyConnection connection) {
        open.remove(connection);
    }

    /** Keeps {@code client} unanswered if {@code state} is a blackhole now; false (nothing done) otherwise. */
    synchronized boolean swallowIfBlackholed(Socket client, FaultState state) {
        if (!state.blackholed()) {
            return false;
        }
        if (closed) {
            reset(client);
        } else {
            swallowed.add(client);
        }
        return true;
    }

    /** Switches the blackhole of {@code state}; ending it resets the connections it swallowed. */
    void blackhole(FaultState state, boolean on) {
        List<Socket> toReset;
        synchronized (this) {
            state.blackhole(on);
            toReset = on ? List.of() : takeSwallowed();
        }
        toReset.forEach(ProxyConnections::reset);
    }

    /** Clears every fault of {@code state} and resets the connections a blackhole swallowed. */
    void heal(FaultState state) {
        List<Socket> toReset;
        synchronized (this) {
            state.clear();
            toReset = takeSwallowed();
        }
        toReset.forEach(ProxyConnections::reset);
    }

    /** Resets every connection, forwarding or swallowed; returns how many. */
    int dropAll() {
        List<ProxyConnection> toDrop;
        List<Socket> toReset;
        synchronized (this) {
            toDrop = new ArrayList<>(open);
            toReset = takeSwallowed();
        }
        toDrop.forEach(ProxyConnection::closeAbruptly); // each forgets itself
        toReset.forEach(ProxyConnections::reset);
        return toDrop.size() + toReset.size();
    }

    /** Refuses new connections from now on and resets every one there is. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        dropAll();
    }

    synchronized int openCount() {
        return open.size();
    }

    synchronized int swallowedCount() {
        return swallowed.size();
    }

    // called with this locked
    private List<Socket> takeSwallowed() {
        List<Socket> taken = new ArrayList<>(swallowed);
        swallowed.clear();
        return taken;
    }

    /** Closes with a TCP reset where the platform allows linger 0, else with an orderly close. */
    static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed, or linger 0 refused: an orderly close follows
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
