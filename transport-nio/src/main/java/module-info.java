/**
 * A non-blocking transport on one {@link java.nio.channels.Selector}, driven by the producer's
 * sender thread. Provides {@code io.sluice.api.spi.TransportProvider} named {@code nio}; exports nothing.
 */
module io.sluice.transport.nio {
    requires io.sluice.api;
    requires org.slf4j;

    provides io.sluice.api.spi.TransportProvider with io.sluice.transport.nio.NioTransportProvider;
}
