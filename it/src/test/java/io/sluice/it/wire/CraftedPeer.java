package io.sluice.it.wire;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A TCP peer on loopback that is not a broker: for each connection it reads one request frame and
 * answers with bytes a test crafts (or nothing at all), to show what the client does with a peer
 * that misbehaves. It does not speak Kafka; it only echoes the request's correlation id where the
 * crafted answer needs one. One thread per connection; closed with the test.
 */
final class CraftedPeer implements AutoCloseable {

    /** What to write back after reading one request frame; null: stay silent, keep the socket open. */
    @FunctionalInterface
    interface Answer {
        byte[] bytesFor(int correlationId) throws IOException;
    }

    private final ServerSocket server;
    private final Answer answer;
    private final boolean closeAfterReply;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    /** Completes when a connection's peer (the client) closed it: read returned end of stream. */
    final CompletableFuture<Void> clientClosed = new CompletableFuture<>();
    private final Thread acceptor;

    /** A peer that answers and keeps the connection open. */
    CraftedPeer(Answer answer) throws IOException {
        this(answer, false);
    }

    /** @param closeAfterReply close the sending side after the reply (the client reads end of stream) */
    CraftedPeer(Answer answer, boolean closeAfterReply) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer;
        this.closeAfterReply = closeAfterReply;
        this.acceptor = new Thread(this::acceptLoop, "crafted-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.add(socket);
                Thread worker = new Thread(() -> serve(socket), "crafted-peer-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            byte[] request = new byte[size];
            in.readFully(request);
            byte[] reply = answer.bytesFor(ByteBuffer.wrap(request).getInt(4));
            if (reply != null) {
                OutputStream out = socket.getOutputStream();
                out.write(reply);
                out.flush();
            }
            if (closeAfterReply) {
                socket.shutdownOutput();
            }
            drainUntilClosed(socket.getInputStream());
        } catch (IOException e) {
            clientClosed.complete(null); // reset by the client counts as closed too
        }
    }

    private void drainUntilClosed(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // keep reading: a retry of the request may come on this connection
        }
        clientClosed.complete(null);
    }

    /** A whole frame: 4-byte size prefix, then {@code payload}. */
    static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
