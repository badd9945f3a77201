package io.sluice.core.network;

import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A scripted {@link Transport} for unit tests of the connection layer: it records connects, frames
 * and closes, and reports to the listener, at the next {@link #poll}, exactly the events the test
 * queued (a connect completing, a frame arriving, the peer closing). Written frames are reported
 * sent at the next poll unless {@link #holdWrites}. Not a broker: the test decides every answer.
 *
 * <p>Used from the test thread only.
 */
public final class FakeTransport implements Transport {

    /** A request frame as written by the client (payload without the size prefix). */
    public record SentFrame(int connectionId, byte[] bytes) {
        public short apiKey() {
            return ByteBuffer.wrap(bytes).getShort(0);
        }

        public short apiVersion() {
            return ByteBuffer.wrap(bytes).getShort(2);
        }

        public int correlationId() {
            return ByteBuffer.wrap(bytes).getInt(4);
        }
    }

    public final List<InetSocketAddress> connectAddresses = new ArrayList<>();
    public final List<Integer> connectIds = new ArrayList<>();
    public final List<SentFrame> sent = new ArrayList<>();
    public final List<Integer> disconnects = new ArrayList<>();
    public final List<Long> pollTimeouts = new ArrayList<>();
    public int wakeups;
    public boolean closed;
    public IOException failNextConnect;
    public boolean holdWrites;

    private final Set<Integer> open = new HashSet<>();
    private final Queue<Consumer<TransportListener>> events = new ArrayDeque<>();
    private final Map<Integer, Integer> unreportedWrites = new HashMap<>();

    @Override
    public void connect(int connectionId, InetSocketAddress address) throws IOException {
        if (open.contains(connectionId)) {
            throw new IllegalStateException("connection id " + connectionId + " in use");
        }
        if (failNextConnect != null) {
            IOException failure = failNextConnect;
            failNextConnect = null;
            throw failure;
        }
        connectIds.add(connectionId);
        connectAddresses.add(address);
    }

    @Override
    public boolean isConnected(int connectionId) {
        return open.contains(connectionId);
    }

    @Override
    public void send(int connectionId, ByteBuffer[] payload, int count) {
        if (!open.contains(connectionId)) {
            throw new IllegalStateException("connection " + connectionId + " is not connected");
        }
        int size = 0;
        for (int i = 0; i < count; i++) {
            size += payload[i].remaining();
        }
        ByteBuffer copy = ByteBuffer.allocate(size);
        for (int i = 0; i < count; i++) {
            copy.put(payload[i].duplicate());
        }
        sent.add(new SentFrame(connectionId, copy.array()));
        unreportedWrites.merge(connectionId, 1, Integer::sum);
    }

    @Override
    public void poll(long timeoutMs, TransportListener listener) {
        pollTimeouts.add(timeoutMs);
        if (!holdWrites) {
            releaseWrites(listener);
        }
        List<Consumer<TransportListener>> now = new ArrayList<>(events);
        events.clear();
        for (Consumer<TransportListener> event : now) {
            event.accept(listener);
        }
    }

    private void releaseWrites(TransportListener listener) {
        for (Map.Entry<Integer, Integer> e : new HashMap<>(unreportedWrites).entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                listener.onFrameSent(e.getKey());
            }
        }
        unreportedWrites.clear();
    }

    /** Reports the held writes at the next poll. */
    public void releaseWrites() {
        holdWrites = false;
    }

    @Override
    public void disconnect(int connectionId) {
        disconnects.add(connectionId);
        open.remove(connectionId);
        unreportedWrites.remove(connectionId);
        events.add(listener -> listener.onDisconnected(connectionId, null));
    }

    @Override
    public void wakeup() {
        wakeups++;
    }

    @Override
    public void close() {
        closed = true;
    }

    // ---- script ----

    /** The connect to {@code id} succeeds at the next poll. */
    public void completeConnect(int id) {
        events.add(listener -> {
            open.add(id);
            listener.onConnected(id);
        });
    }

    /** The connect to {@code id} fails (or the peer closes the connection) at the next poll. */
    public void peerClose(int id, IOException cause) {
        events.add(listener -> {
            open.remove(id);
            unreportedWrites.remove(id);
            listener.onDisconnected(id, cause);
        });
    }

    /** A response frame (without size prefix) arrives on {@code id} at the next poll. */
    public void receive(int id, ByteBuffer frame) {
        events.add(listener -> listener.onFrameReceived(id, frame.duplicate()));
    }

    /** The last frame the client wrote to {@code id}. */
    public SentFrame lastSent(int id) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).connectionId() == id) {
                return sent.get(i);
            }
        }
        throw new AssertionError("Nothing was sent to connection " + id + "; sent: " + sent.size() + " frames");
    }

    /** The frames written to {@code id}, oldest first. */
    public List<SentFrame> sentTo(int id) {
        return sent.stream().filter(f -> f.connectionId() == id).toList();
    }
}
