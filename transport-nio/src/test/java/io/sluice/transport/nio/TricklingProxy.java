package io.sluice.transport.nio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that forwards what the client sends as it comes, and what the server
 * answers one byte per write (TCP_NODELAY), so the client's reads see TLS records cut at every
 * possible point. Not a Kafka broker. Started and closed by the test thread; its threads only copy.
 */
final class TricklingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TricklingProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    static TricklingProxy start(InetSocketAddress target) throws IOException {
        TricklingProxy proxy = new TricklingProxy(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()), target);
        daemon("trickling-proxy-acceptor", proxy::acceptLoop);
        return proxy;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                daemon("trickling-proxy-up", () -> pump(client, upstream, false));
                daemon("trickling-proxy-down", () -> pump(upstream, client, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, boolean byteByByte) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (byteByByte) {
                    for (int i = 0; i < n; i++) {
                        out.write(buffer[i]);
                        out.flush();
                    }
                } else {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed; closing both ends the other pump too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
