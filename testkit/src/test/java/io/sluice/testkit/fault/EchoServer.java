package io.sluice.testkit.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny stand-in for a broker in the proxy's own tests: echoes every whole Kafka-style frame (4-byte size, then
 * that many bytes) back to its sender and records every byte it received, so tests can see exactly what the proxy
 * let through.
 *
 * <p>Thread-safe: one acceptor thread and one thread per connection; the records are concurrent collections.
 */
final class EchoServer implements AutoCloseable {

    /** The server's side of one connection. */
    static final class Peer {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        /** Completes with "eof" or the exception's text once the connection ended. */
        final CompletableFuture<String> ended = new CompletableFuture<>();

        synchronized byte[] received() {
            return received.toByteArray();
        }

        private synchronized void add(byte[] bytes, int length) {
            received.write(bytes, 0, length);
        }
    }

    private final ServerSocket server;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();

    EchoServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "echo-server-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    /** The connections accepted so far, in order. */
    List<Peer> peers() {
        return peers;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Peer peer = new Peer();
                peers.add(peer);
                Thread thread = new Thread(() -> serve(socket, peer), "echo-server-connection");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void serve(Socket socket, Peer peer) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                peer.add(chunk, read);
                pending.write(chunk, 0, read);
                pending = echoWholeFrames(pending, out);
            }
            peer.ended.complete("eof");
        } catch (IOException e) {
            peer.ended.complete(e.toString());
        }
    }

    /** Writes back every whole frame at the start of {@code pending}; returns what is left of it. */
    private static ByteArrayOutputStream echoWholeFrames(ByteArrayOutputStream pending, OutputStream out)
            throws IOException {
        byte[] bytes = pending.toByteArray();
        int at = 0;
        while (bytes.length - at >= 4) {
            int size = ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                    | (bytes[at + 3] & 0xff);
            if (bytes.length - at - 4 < size) {
                break;
            }
            out.write(bytes, at, 4 + size);
            at += 4 + size;
        }
        out.flush();
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(bytes, at, bytes.length - at);
        return rest;
    }
}
