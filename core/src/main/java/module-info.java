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
    requires java.management; // JMX MBeans of the metrics (core.metrics.JmxReporter)

    exports io.sluice.core;

    uses io.sluice.api.spi.Serializer;
    uses io.sluice.api.spi.Partitioner;
    uses io.sluice.api.spi.Compressor;
    uses io.sluice.api.spi.TransportProvider;
    uses io.sluice.api.spi.ProducerInterceptor;

    // Built-ins go through the same SPIs as third-party plugins (and META-INF/services for the class path).
    provides io.sluice.api.spi.Serializer with
            io.sluice.core.serialize.StringSerializer,
            io.sluice.core.serialize.ByteArraySerializer,
            io.sluice.core.serialize.ByteBufferSerializer,
            io.sluice.core.serialize.IntegerSerializer,
            io.sluice.core.serialize.LongSerializer,
            io.sluice.core.serialize.ShortSerializer,
            io.sluice.core.serialize.DoubleSerializer,
            io.sluice.core.serialize.FloatSerializer,
            io.sluice.core.serialize.BooleanSerializer,
            io.sluice.core.serialize.UuidSerializer,
            io.sluice.core.serialize.VoidSerializer;
    provides io.sluice.api.spi.Compressor with
            io.sluice.core.compress.NoCompression;
    provides io.sluice.api.spi.Partitioner with
            io.sluice.core.partition.DefaultPartitioner;
}
