/**
 * The Sluice producer: configuration, the plugin registry, the five stations of a record's way
 * (serializer, partitioner, compression, accumulator, sender), the Kafka protocol and metadata.
 *
 * <p>Only {@code io.sluice.core} is exported: the factory and builder. Everything else is
 * internal, one package per station. Built-in plugins (JDK-type serializers, the {@code none}
 * codec, the default partitioner) are provided through the same SPIs as third-party ones.
 */
module io.sluice.core {
    requires transitive io.sluice.api;
    requires org.slf4j;

    // exports io.sluice.core;  (the factory lands with the configuration and plugin registry)

    uses io.sluice.api.spi.Serializer;
    uses io.sluice.api.spi.Partitioner;
    uses io.sluice.api.spi.Compressor;
    uses io.sluice.api.spi.TransportProvider;
    uses io.sluice.api.spi.ProducerInterceptor;
}
