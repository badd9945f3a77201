/**
 * An example partitioner plugin, {@code partitioner.class=by-region}. It needs only the API, offers
 * its partitioner through the SPI, and exports nothing: the producer reaches the class through
 * {@code ServiceLoader} alone (and through {@code META-INF/services} on the class path).
 */
module io.sluice.examples.partitioner {
    requires io.sluice.api;

    provides io.sluice.api.spi.Partitioner with io.sluice.examples.partitioner.ByRegionPartitioner;
}
