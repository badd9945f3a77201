package io.sluice.transport.nio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * A one-connection TLS echo server driving a server {@link SSLEngine} over a blocking socket, so it
 * can tell how the client ended the connection: with a close_notify alert ({@link #CLOSE_NOTIFY})
 * or by closing TCP without one ({@link #NO_CLOSE_NOTIFY}). The JDK's {@code SSLSocket} cannot: it
 * reads -1 either way. Not a Kafka broker. Started and closed by the test thread; its one thread
 * runs the connection.
 */
final class CloseNotifyPeer implements AutoCloseable {

    static final String CLOSE_NOTIFY = "close_notify received";
    static final String NO_CLOSE_NOTIFY = "TCP closed without close_notify";

    private final ServerSocket server;
    private final CompletableFuture<String> ending = new CompletableFuture<>();

    private CloseNotifyPeer(ServerSocket server) {
        this.server = server;
    }

    static CloseNotifyPeer start(SSLContext context) throws IOException {
        CloseNotifyPeer peer = new CloseNotifyPeer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        Thread thread = new Thread(() -> peer.serve(context), "close-notify-peer");
        thread.setDaemon(true);
        thread.start();
        return peer;
    }

    InetSocketAddress localhostAddress() {
        return new InetSocketAddress("localhost", server.getLocalPort());
    }

    /** How the connection ended, or a description of the failure; waits up to {@code seconds}. */
    String awaitEnding(long seconds) throws Exception {
        return ending.get(seconds, TimeUnit.SECONDS);
    }

    private void serve(SSLContext context) {
        try (Socket socket = server.accept()) {
            ending.complete(run(context.createSSLEngine(), socket.getInputStream(), socket.getOutputStream()));
        } catch (IOException | RuntimeException e) {
            ending.complete("failed: " + e);
        }
    }

    private static String run(SSLEngine engine, InputStream in, OutputStream out) throws IOException {
        engine.setUseClientMode(false);
        int packet = engine.getSession().getPacketBufferSize();
        ByteBuffer netIn = ByteBuffer.allocate(4 * packet);
        ByteBuffer netOut = ByteBuffer.allocate(4 * packet);
        ByteBuffer app = ByteBuffer.allocate(4 * engine.getSession().getApplicationBufferSize());
        engine.beginHandshake();
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                wrapAndSend(engine, ByteBuffer.allocate(0), netOut, out);
                continue;
            }
            netIn.flip();
            SSLEngineResult result = engine.unwrap(netIn, app);
            netIn.compact();
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                return CLOSE_NOTIFY;
            }
            if (app.position() > 0 && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                wrapAndSend(engine, app.flip(), netOut, out); // echo
                app.compact();
            }
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || result.bytesConsumed() == 0) {
                int n = in.read(netIn.array(), netIn.position(), netIn.remaining());
                if (n < 0) {
                    return NO_CLOSE_NOTIFY;
                }
                netIn.position(netIn.position() + n);
            }
        }
    }

    private static void wrapAndSend(SSLEngine engine, ByteBuffer src, ByteBuffer netOut, OutputStream out)
            throws IOException {
        do {
            netOut.clear();
            engine.wrap(src, netOut);
            out.write(netOut.array(), 0, netOut.position());
        } while (src.hasRemaining());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
