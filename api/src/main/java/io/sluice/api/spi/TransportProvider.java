package io.sluice.api.spi;

import java.io.IOException;

/**
 * Makes {@link Transport}s; the service a transport module provides. Selected by
 * {@code sluice.transport} (default {@code nio}, the {@code io.sluice.transport.nio} module).
 */
public interface TransportProvider extends Plugin {

    /** {@return the short name, e.g. {@code nio}} */
    @Override
    String name();

    /**
     * Opens a transport for one producer. Called once per producer, on the thread that creates it.
     *
     * @param config what the transport needs from the producer's configuration
     * @return a new transport, owned by that producer, which closes it
     * @throws IOException if the transport cannot be set up (e.g. a selector cannot be opened)
     * @throws io.sluice.api.errors.ConfigException if the configuration asks for something the
     *         transport cannot do (e.g. a security protocol it does not support)
     */
    Transport open(TransportConfig config) throws IOException;
}
