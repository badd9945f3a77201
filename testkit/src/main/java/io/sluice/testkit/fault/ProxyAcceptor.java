package io.sluice.testkit.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accept loop of a {@link FaultProxy}: takes each new client connection and refuses it, swallows it (during a
 * blackhole), or connects it to the broker and starts its pumps. A broker that cannot be reached gets the client's
 * connection reset at once, as a refused connection would be.
 *
 * <p>Runs on the proxy's acceptor thread, which it alone uses; it ends when the listening socket closes.
 */
final class ProxyAcceptor implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyAcceptor.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final String name;
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final FaultState state;
    private final ProxyCounters counters;
    private final ProxyConnections connections;
    private final AtomicInteger connectionIds = new AtomicInteger();

    ProxyAcceptor(String name, ServerSocket server, InetSocketAddress target, FaultState state, ProxyCounters counters,
                  ProxyConnections connections) {
        this.name = name;
        this.server = server;
        this.target = target;
        this.state = state;
        this.counters = counters;
        this.connections = connections;
    }

    @Override
    public void run() {
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
                LOG.warn("Proxy {}: accept failed; still listening", name, e);
                continue;
            }
            counters.accepted();
            try {
                handle(client);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Proxy {}: could not set up a connection; resetting it", name, e);
                ProxyConnections.reset(client);
            }
        }
    }

    private void handle(Socket client) throws IOException {
        if (state.refusing()) {
            counters.refused();
            ProxyConnections.reset(client);
            return;
        }
        if (connections.swallowIfBlackholed(client, state)) {
            return;
        }
        Socket broker = new Socket();
        try {
            broker.connect(target, CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            LOG.debug("Proxy {}: broker at {} unreachable ({}); resetting the client's connection", name, target,
                    e.toString());
            broker.close();
            ProxyConnections.reset(client);
            return;
        }
        ProxyConnection connection = new ProxyConnection(
                "sluice-fault-proxy-" + name + "-" + connectionIds.incrementAndGet(), client, broker, state,
                connections::forget);
        if (!connections.register(connection)) {
            connection.closeAbruptly(); // the proxy closed meanwhile
            return;
        }
        try {
            connection.start(counters);
        } catch (IOException | RuntimeException e) {
            connection.closeAbruptly();
            throw e;
        }
    }
}
