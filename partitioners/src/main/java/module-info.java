/**
 * Partitioners beyond the default, selected with {@code partitioner.class=<name>}. Exports nothing:
 * the partitioners are reached only through {@code io.sluice.api.spi.Partitioner}.
 */
module io.sluice.partitioners {
    requires io.sluice.api;
}
