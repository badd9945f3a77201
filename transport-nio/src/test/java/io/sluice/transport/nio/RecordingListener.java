package io.sluice.transport.nio;

import io.sluice.api.spi.TransportListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a transport reports, copying received frames (their buffers are only valid during
 * the call). Confined to the thread that polls.
 */
class RecordingListener implements TransportListener {

    /** One reported event; {@code frame} only for RECEIVED, {@code cause} only for DISCONNECTED. */
    record Event(Kind kind, int id, IOException cause, byte[] frame) {
        @Override
        public String toString() {
            return kind + "(" + id + (cause != null ? ", " + cause : "") + (frame != null ? ", " + frame.length + " bytes" : "") + ")";
        }
    }

    enum Kind { CONNECTED, DISCONNECTED, SENT, RECEIVED }

    final List<Event> events = new ArrayList<>();

    @Override
    public void onConnected(int connectionId) {
        events.add(new Event(Kind.CONNECTED, connectionId, null, null));
    }

    @Override
    public void onDisconnected(int connectionId, IOException cause) {
        events.add(new Event(Kind.DISCONNECTED, connectionId, cause, null));
    }

    @Override
    public void onFrameSent(int connectionId) {
        events.add(new Event(Kind.SENT, connectionId, null, null));
    }

    @Override
    public void onFrameReceived(int connectionId, ByteBuffer frame) {
        events.add(new Event(Kind.RECEIVED, connectionId, null, Frames.bytes(frame)));
    }

    List<Event> of(Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    long count(Kind kind, int id) {
        return events.stream().filter(e -> e.kind() == kind && e.id() == id).count();
    }

    List<byte[]> received(int id) {
        return events.stream().filter(e -> e.kind() == Kind.RECEIVED && e.id() == id).map(Event::frame).toList();
    }

    boolean has(Kind kind, int id) {
        return count(kind, id) > 0;
    }

    Event disconnect(int id) {
        return events.stream().filter(e -> e.kind() == Kind.DISCONNECTED && e.id() == id).findFirst().orElseThrow();
    }
}
