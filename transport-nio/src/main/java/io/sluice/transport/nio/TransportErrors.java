package io.sluice.transport.nio;

import io.sluice.api.errors.SslAuthenticationException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import javax.net.ssl.SSLException;

/**
 * The transport's error messages, in one place so they stay alike: each names the connection,
 * the address, the value at fault and what to check. Stateless.
 */
final class TransportErrors {

    private TransportErrors() {
    }

    /**
     * Why a size prefix was refused. Says the size, the limit and the likely cause: a peer that is
     * not a Kafka broker, or a listener that expects TLS. An HTTP server answers with "HTTP", a TLS
     * server with a record starting 0x15 0x03 (an alert) or 0x16 0x03 (a handshake); read as a
     * 4-byte size, each is hundreds of megabytes. A TLS record is unmistakable: the listener
     * expects TLS and retrying without it cannot work, so that failure carries an
     * {@link SslAuthenticationException} as its cause, which the producer treats as fatal.
     */
    static IOException badFrameSize(int size, int maxFrameBytes) {
        if (looksLikeTls(size)) {
            String message = "the broker answered with a TLS record (bytes " + hex(size) + " where a frame size "
                    + "was expected): this listener expects TLS. Set security.protocol=SSL (or SASL_SSL) and the ssl.* settings, "
                    + "or connect to a PLAINTEXT listener";
            return new IOException(message, new SslAuthenticationException(message));
        }
        return new IOException(badFrameSizeMessage(size, maxFrameBytes));
    }

    private static boolean looksLikeTls(int size) {
        int first = size >>> 24;
        return (first == 0x15 || first == 0x16) && ((size >>> 16) & 0xff) == 0x03;
    }

    private static String badFrameSizeMessage(int size, int maxFrameBytes) {
        String what = size < 0
                ? "received a negative frame size (" + size + ")"
                : "received a frame size of " + size + " bytes, more than the limit of " + maxFrameBytes
                        + " bytes (" + TransportSettings.MAX_RECEIVE_FRAME + ")";
        return what + "; the size prefix was " + describePrefix(size)
                + ". The peer is probably not a Kafka broker, or not speaking plaintext Kafka (an HTTP or TLS "
                + "server answers with bytes that read as a huge length). Check that bootstrap.servers names "
                + "a Kafka listener and that security.protocol matches that listener.";
    }

    /**
     * Wraps an I/O failure of a connection so the message names it and its address, keeping the
     * kind of failure (refused, no route, end of stream) and the original as the cause.
     *
     * <p>The transport's contract with the producer's core: a failure that retrying cannot cure
     * (TLS trust, host name, protocol mismatch, a refused client certificate) is reported with an
     * {@link SslAuthenticationException} as the <em>direct</em> cause of the {@code IOException}
     * given to {@code onDisconnected}, with the same message.
     */
    static IOException failed(Connection connection, String action, IOException cause) {
        if (cause instanceof SslHandshakeFailure) {
            return cause; // names the broker and the cause already, and carries the fatal SslAuthenticationException
        }
        String message = action + " " + connection.describe() + ": " + cause.getMessage();
        IOException wrapped;
        if (cause instanceof ConnectException) {
            wrapped = new ConnectException(message);
        } else if (cause instanceof NoRouteToHostException) {
            wrapped = new NoRouteToHostException(message);
        } else if (cause instanceof EOFException) {
            wrapped = new EOFException(message);
        } else if (cause instanceof SSLException) {
            wrapped = new SSLException(message);
        } else if (cause instanceof SocketException) {
            wrapped = new SocketException(message);
        } else {
            wrapped = new IOException(message);
        }
        wrapped.initCause(cause.getCause() instanceof SslAuthenticationException
                ? new SslAuthenticationException(message, cause) : cause);
        return wrapped;
    }

    private static String hex(int size) {
        return String.format("%02x %02x %02x %02x", size >>> 24, (size >>> 16) & 0xff, (size >>> 8) & 0xff, size & 0xff);
    }

    private static String describePrefix(int size) {
        int[] bytes = {size >>> 24, (size >>> 16) & 0xff, (size >>> 8) & 0xff, size & 0xff};
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        boolean printable = true;
        for (int b : bytes) {
            if (hex.length() > 0) {
                hex.append(' ');
            }
            hex.append(String.format("%02x", b));
            printable &= b >= 0x20 && b < 0x7f;
            text.append((char) b);
        }
        String result = hex.toString();
        if (printable) {
            result += " (\"" + text + "\")";
        }
        if ("HTTP".contentEquals(text)) {
            result += ", which looks like an HTTP response";
        } else if ((bytes[0] == 0x15 || bytes[0] == 0x16) && bytes[1] == 0x03) {
            result += ", which looks like a TLS record: the listener may expect security.protocol=SSL";
        }
        return result;
    }
}
