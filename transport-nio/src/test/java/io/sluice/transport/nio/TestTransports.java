package io.sluice.transport.nio;

import io.sluice.transport.nio.RecordingListener.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Makes transports for tests and drives them. Stateless. */
final class TestTransports {

    static final int DEFAULT_MAX_FRAME = 64 * 1024 * 1024;

    private TestTransports() {
    }

    static NioTransport open() throws IOException {
        return open(DEFAULT_MAX_FRAME);
    }

    static NioTransport open(int maxReceiveFrameBytes) throws IOException {
        return new NioTransport(new TransportSettings("test", -1, -1, -1, maxReceiveFrameBytes), NioTransport::systemClockMs);
    }

    static NioTransport open(TransportSettings settings, LongSupplier clockMs) throws IOException {
        return new NioTransport(settings, clockMs);
    }

    /** A TLS transport configured by Kafka's {@code ssl.*} keys. */
    static NioTransport openTls(Map<String, ?> sslConfig) throws IOException {
        return new NioTransport(new TransportSettings("test", -1, -1, -1, DEFAULT_MAX_FRAME, SecurityProtocol.SSL),
                SslLayerFactory.create(SslConfig.from(sslConfig)), NioTransport::systemClockMs);
    }

    /** {@code ssl.*} keys trusting the test CA through a PKCS12 trust store, other keys as given (key, value, ...). */
    static Map<String, Object> trustingTestCa(Object... more) {
        Map<String, Object> config = new HashMap<>();
        config.put("ssl.truststore.location", TestPki.get().truststore.toString());
        config.put("ssl.truststore.password", TestPki.PASSWORD);
        config.put("ssl.truststore.type", "PKCS12");
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    /**
     * Polls until {@code done}; a test that never gets there is stopped by its {@code @Timeout}
     * (each poll waits at most 10 ms, so the check runs often).
     */
    static void pollUntil(NioTransport transport, RecordingListener listener, BooleanSupplier done) throws IOException {
        while (!done.getAsBoolean()) {
            transport.poll(10, listener);
        }
    }

    /** Starts a connect and polls until it reports connected or disconnected. */
    static void connect(NioTransport transport, RecordingListener listener, int id, InetSocketAddress address)
            throws IOException {
        long before = listener.count(Kind.CONNECTED, id) + listener.count(Kind.DISCONNECTED, id);
        transport.connect(id, address);
        pollUntil(transport, listener,
                () -> listener.count(Kind.CONNECTED, id) + listener.count(Kind.DISCONNECTED, id) > before);
    }
}
