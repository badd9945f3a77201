/**
 * Partitioners beyond the default, selected with {@code partitioner.class=<name>}:
 * {@code round-robin}, {@code consistent-hash} and {@code header}. Exports nothing: the partitioners
 * are reached only through {@code io.sluice.api.spi.Partitioner} (and {@code META-INF/services} on
 * the class path).
 */
module io.sluice.partitioners {
    requires io.sluice.api;

    provides io.sluice.api.spi.Partitioner with
            io.sluice.partitioners.RoundRobinPartitioner,
            io.sluice.partitioners.ConsistentHashPartitioner,
            io.sluice.partitioners.HeaderPartitioner;
}
