package io.sluice.testkit.fault;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * A client speaking Kafka-style frames (4-byte big-endian size, then the bytes) over a plain socket, for the
 * proxy's own tests. Owned by the test thread.
 */
final class FrameClient implements AutoCloseable {

    private final Socket socket;

    FrameClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
    }

    /** A frame of {@code size} random bytes after its size prefix, from a seeded generator. */
    static byte[] frame(int size, long seed) {
        byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        return ByteBuffer.allocate(4 + size).putInt(size).put(body).array();
    }

    void send(byte[] frame) throws IOException {
        socket.getOutputStream().write(frame);
        socket.getOutputStream().flush();
    }

    /** Reads one whole frame, size prefix included. */
    byte[] readFrame() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        int size = in.readInt();
        byte[] frame = ByteBuffer.allocate(4 + size).putInt(size).array();
        in.readFully(frame, 4, size);
        return frame;
    }

    /** Reads every byte until the stream ends, by end of stream or reset; returns them. */
    byte[] readUntilEnd() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(chunk)) >= 0) {
                all.write(chunk, 0, read);
            }
        } catch (IOException e) {
            // a reset ends the stream too
        }
        return all.toByteArray();
    }

    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
