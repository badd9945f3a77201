package io.sluice.transport.nio;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The other end of transport tests: a plain blocking TCP server on the loopback address whose
 * accepted sockets the test reads and writes byte by byte. Not a Kafka broker; it knows frames
 * only as far as a test asks it to. Used by the test thread (or a thread the test starts).
 */
final class LoopbackPeer implements AutoCloseable {

    /** Generous: accepts and reads wait for the transport, which tests drive from another thread. */
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private final ServerSocket server;

    private LoopbackPeer(ServerSocket server) {
        this.server = server;
    }

    static LoopbackPeer start() throws IOException {
        return start(-1);
    }

    /** @param receiveBufferBytes SO_RCVBUF of accepted sockets, or -1 for the default */
    static LoopbackPeer start(int receiveBufferBytes) throws IOException {
        ServerSocket server = new ServerSocket();
        if (receiveBufferBytes > 0) {
            server.setReceiveBufferSize(receiveBufferBytes);
        }
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setSoTimeout(SOCKET_TIMEOUT_MS);
        return new LoopbackPeer(server);
    }

    /** A loopback address where nothing listens (a port just released), for refused connects. */
    static InetSocketAddress refusingAddress() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), probe.getLocalPort());
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Waits for the transport's next connection. */
    PeerSocket accept() throws IOException {
        Socket socket = server.accept();
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        return new PeerSocket(socket);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One accepted connection, seen from the peer's side. */
    static final class PeerSocket implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;

        PeerSocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Writes each byte with its own system call (TCP_NODELAY is on), so the transport can see them apart. */
        void writeByteByByte(byte[] bytes) throws IOException {
            for (byte b : bytes) {
                out.write(b);
                out.flush();
            }
        }

        byte[] readExactly(int n) throws IOException {
            byte[] bytes = new byte[n];
            in.readFully(bytes);
            return bytes;
        }

        /** Reads one frame's payload (the size prefix read and checked). */
        byte[] readFrame() throws IOException {
            return readExactly(in.readInt());
        }

        /** Reads until the transport closes its side; returns how many bytes came before. */
        long readToEnd() throws IOException {
            InputStream input = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = input.read(buffer)) >= 0) {
                total += n;
            }
            return total;
        }

        /** Closes with a TCP reset instead of an orderly FIN. */
        void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
