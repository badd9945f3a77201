package io.sluice.transport.nio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on the loopback address (the JDK's {@link SSLServerSocket}, not a Kafka broker)
 * that sends every byte it receives back, one thread per connection; frames are length-prefixed,
 * so the transport receives exactly the frames it sent. It records how each connection ended,
 * which tells a clean close_notify ("end of stream") from a failure. Started and closed by the
 * test thread; its own threads only copy bytes and record endings.
 */
final class TlsEchoPeer implements AutoCloseable {

    /**
     * How the peer speaks TLS.
     *
     * @param protocols      enabled protocols, or empty for the JDK's
     * @param cipherSuites   enabled cipher suites, or empty for the JDK's
     * @param needClientAuth whether a client certificate is required
     * @param renegotiate    whether to start a new handshake (TLS 1.2 renegotiation) after the first echo
     */
    record Options(SSLContext context, List<String> protocols, List<String> cipherSuites, boolean needClientAuth,
                   boolean renegotiate) {

        static Options of(SSLContext context) {
            return new Options(context, List.of(), List.of(), false, false);
        }

        Options withProtocols(String... names) {
            return new Options(context, List.of(names), cipherSuites, needClientAuth, renegotiate);
        }

        Options withCipherSuites(String... names) {
            return new Options(context, protocols, List.of(names), needClientAuth, renegotiate);
        }

        Options requiringClientAuth() {
            return new Options(context, protocols, cipherSuites, true, renegotiate);
        }

        Options renegotiating() {
            return new Options(context, protocols, cipherSuites, needClientAuth, true);
        }
    }

    static final String CLEAN_END = "end of stream";

    private final SSLServerSocket server;
    private final Options options;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> endings = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    private TlsEchoPeer(SSLServerSocket server, Options options) {
        this.server = server;
        this.options = options;
        this.acceptor = new Thread(this::acceptLoop, "tls-echo-peer-acceptor");
        this.acceptor.setDaemon(true);
    }

    static TlsEchoPeer start(Options options) throws IOException {
        SSLServerSocket server = (SSLServerSocket) options.context().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        if (!options.protocols().isEmpty()) {
            server.setEnabledProtocols(options.protocols().toArray(new String[0]));
        }
        if (!options.cipherSuites().isEmpty()) {
            server.setEnabledCipherSuites(options.cipherSuites().toArray(new String[0]));
        }
        server.setNeedClientAuth(options.needClientAuth());
        TlsEchoPeer peer = new TlsEchoPeer(server, options);
        peer.acceptor.start();
        return peer;
    }

    /** 127.0.0.1 and the port. */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** The same port under the name {@code localhost}. */
    InetSocketAddress localhostAddress() {
        return new InetSocketAddress("localhost", server.getLocalPort());
    }

    /**
     * How the next connection ended, as the peer saw it: {@link #CLEAN_END} after the client's
     * close_notify, otherwise the exception; null if none ended within the time.
     */
    String nextEnding(long timeoutSeconds) throws InterruptedException {
        return endings.poll(timeoutSeconds, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread echo = new Thread(() -> echo(socket), "tls-echo-peer-" + socket.getPort());
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void echo(SSLSocket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.startHandshake();
            byte[] buffer = new byte[64 * 1024];
            boolean renegotiated = false;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
                if (options.renegotiate() && !renegotiated) {
                    renegotiated = true;
                    socket.startHandshake();
                }
            }
            endings.add(CLEAN_END);
        } catch (IOException | RuntimeException e) {
            endings.add(e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            // SSLSocket.close() reads until the client's close_notify; a client nobody polls never sends it
            if (!socket.isClosed()) {
                try {
                    socket.setSoTimeout(200);
                } catch (IOException alreadyClosed) {
                    // closed meanwhile by its echo thread
                }
            }
            socket.close();
        }
    }
}
