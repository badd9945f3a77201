package io.sluice.testkit.fault;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client connection through a {@link FaultProxy}: the client's socket, the socket to the broker, and one
 * {@link FramePump} thread per direction.
 *
 * <p>Thread-safe: the pumps, the proxy's acceptor and the test thread (dropping connections) may all end it; the
 * {@code closed} flag lets exactly one of them close the sockets, and it tells the other pump to stop quietly.
 */
final class ProxyConnection {

    private final String name;
    private final Socket client;
    private final Socket broker;
    private final FaultState state;
    private final Consumer<ProxyConnection> onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger directionsEnded = new AtomicInteger();

    ProxyConnection(String name, Socket client, Socket broker, FaultState state, Consumer<ProxyConnection> onClosed) {
        this.name = Objects.requireNonNull(name, "name");
        this.client = Objects.requireNonNull(client, "client");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.state = Objects.requireNonNull(state, "state");
        this.onClosed = Objects.requireNonNull(onClosed, "onClosed");
    }

    /** Starts the two pumps; call once. */
    void start(ProxyCounters counters) throws IOException {
        client.setTcpNoDelay(true);
        broker.setTcpNoDelay(true);
        FramePump toBroker = new FramePump(this, Direction.CLIENT_TO_BROKER, client.getInputStream(),
                broker.getOutputStream(), state, counters);
        FramePump toClient = new FramePump(this, Direction.BROKER_TO_CLIENT, broker.getInputStream(),
                client.getOutputStream(), state, counters);
        startThread(toBroker, "to-broker");
        startThread(toClient, "to-client");
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Closes both sockets with a TCP reset where the platform allows it (linger 0), as a broken network would. */
    void closeAbruptly() {
        if (closed.compareAndSet(false, true)) {
            reset(client);
            reset(broker);
            ended();
        }
    }

    /**
     * Ends the connection after a pump forwarded half a frame in {@code single}: the receiver of that half gets it
     * followed by an orderly end of stream (FIN), so it sees a truncated frame rather than a reset that could hide
     * it; then both sockets close.
     */
    void closeAfterHalfFrame(Direction single) {
        if (closed.compareAndSet(false, true)) {
            Socket receiver = single == Direction.CLIENT_TO_BROKER ? broker : client;
            Socket sender = receiver == broker ? client : broker;
            try {
                receiver.shutdownOutput();
            } catch (IOException ignored) {
                // the receiver is gone already; closing below is all that is left to do
            }
            closeQuietly(sender);
            closeQuietly(receiver);
            ended();
        }
    }

    /**
     * The sender of {@code single} ended its stream (FIN): pass the end on to the receiver, and close the connection
     * once both directions have ended, as a TCP proxy that keeps half-closed connections does.
     */
    void endOfStream(Direction single) {
        Socket receiver = single == Direction.CLIENT_TO_BROKER ? broker : client;
        try {
            receiver.shutdownOutput();
        } catch (IOException e) {
            closeAbruptly();
            return;
        }
        if (directionsEnded.incrementAndGet() == 2 && closed.compareAndSet(false, true)) {
            closeQuietly(client);
            closeQuietly(broker);
            ended();
        }
    }

    @Override
    public String toString() {
        return name + " (client port " + client.getPort() + ")";
    }

    private void ended() {
        state.wakeAll(); // a pump parked in a stall or delay must see the close
        onClosed.accept(this);
    }

    private void startThread(FramePump pump, String suffix) {
        Thread thread = new Thread(pump, name + "-" + suffix);
        thread.setDaemon(true);
        thread.start();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closed already, or the platform refuses linger 0: an orderly close is the next best thing
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
