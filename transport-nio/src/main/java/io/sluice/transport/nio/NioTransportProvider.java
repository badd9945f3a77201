package io.sluice.transport.nio;

import io.sluice.api.spi.Transport;
import io.sluice.api.spi.TransportConfig;
import io.sluice.api.spi.TransportProvider;
import java.io.IOException;

/**
 * Provides the {@code nio} transport: non-blocking TCP on one {@link java.nio.channels.Selector}
 * per producer, driven by the producer's sender thread. Found by {@link java.util.ServiceLoader}
 * on the module path ({@code provides} in {@code module-info}) and on the class path
 * ({@code META-INF/services}).
 *
 * <p>Supports {@code security.protocol=PLAINTEXT} only, for now: SSL, SASL_PLAINTEXT and SASL_SSL
 * are refused with a {@link io.sluice.api.errors.ConfigException} when the transport is opened,
 * never silently downgraded.
 *
 * <p>Stateless; each {@link #open} makes an independent transport.
 */
public final class NioTransportProvider implements TransportProvider {

    /** The short name that selects this transport: {@code sluice.transport=nio}. */
    public static final String NAME = "nio";

    /** For {@link java.util.ServiceLoader}. */
    public NioTransportProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Opens a transport with its own selector.
     *
     * @throws io.sluice.api.errors.ConfigException if {@code security.protocol} is not PLAINTEXT,
     *         or a socket buffer size or the frame limit is out of range
     * @throws IOException if the selector cannot be opened
     */
    @Override
    public Transport open(TransportConfig config) throws IOException {
        return new NioTransport(TransportSettings.from(config), NioTransport::systemClockMs);
    }
}
