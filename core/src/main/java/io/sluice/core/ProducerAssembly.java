package io.sluice.core;

import static io.sluice.api.config.ProducerConfig.BATCH_SIZE_CONFIG;
import static io.sluice.api.config.ProducerConfig.BUFFER_MEMORY_ALLOCATION_STRATEGY_CONFIG;
import static io.sluice.api.config.ProducerConfig.BUFFER_MEMORY_CONFIG;
import static io.sluice.api.config.ProducerConfig.CLIENT_ID_CONFIG;
import static io.sluice.api.config.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG;
import static io.sluice.api.config.ProducerConfig.LINGER_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.MAX_BLOCK_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
import static io.sluice.api.config.ProducerConfig.MAX_REQUEST_SIZE_CONFIG;
import static io.sluice.api.config.ProducerConfig.METRICS_NUM_SAMPLES_CONFIG;
import static io.sluice.api.config.ProducerConfig.METRICS_SAMPLE_WINDOW_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.RETRIES_CONFIG;
import static io.sluice.api.config.ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.RETRY_BACKOFF_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG;

import io.sluice.api.errors.ConfigException;
import io.sluice.api.spi.ProducerInterceptor;
import io.sluice.api.spi.Serializer;
import io.sluice.api.spi.Transport;
import io.sluice.core.accumulate.AccumulatorConfig;
import io.sluice.core.accumulate.BufferAllocator;
import io.sluice.core.accumulate.BufferPool;
import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.config.ConfigRules;
import io.sluice.core.config.ProducerSettings;
import io.sluice.core.idempotence.IdempotentDelivery;
import io.sluice.core.intercept.Interceptors;
import io.sluice.core.metadata.Metadata;
import io.sluice.core.metadata.MetadataConfig;
import io.sluice.core.metadata.MetadataUpdater;
import io.sluice.core.metrics.JmxReporter;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.network.BootstrapResolver;
import io.sluice.core.network.HostResolver;
import io.sluice.core.network.NetworkClient;
import io.sluice.core.network.NetworkClientConfig;
import io.sluice.core.network.SaslAuthenticator;
import io.sluice.core.network.SluiceTransportConfig;
import io.sluice.core.partition.BuiltInStickyPartitioner;
import io.sluice.core.partition.PartitionChooser;
import io.sluice.core.plugin.PluginRegistry;
import io.sluice.core.plugin.ProducerPlugins;
import io.sluice.core.record.BatchCompression;
import io.sluice.core.record.RecordBatchBuilder;
import io.sluice.core.send.DeliveryGuarantee;
import io.sluice.core.send.PlainDelivery;
import io.sluice.core.send.Sender;
import io.sluice.core.send.SenderConfig;
import io.sluice.core.send.SenderMetrics;
import io.sluice.core.time.ExponentialBackoff;
import io.sluice.core.time.Time;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a producer from its configuration: parses and checks it, loads the plugins, and wires the
 * stations together. Stateless apart from the client-id sequence.
 */
final class ProducerAssembly {

    private static final Logger log = LoggerFactory.getLogger(ProducerAssembly.class);

    /** Kafka names producers without {@code client.id} producer-1, producer-2, ... per JVM; so do we. */
    private static final AtomicInteger CLIENT_ID_SEQUENCE = new AtomicInteger(1);

    private ProducerAssembly() {
    }

    static <K, V> SluiceProducer<K, V> assemble(Map<?, ?> configs, Serializer<K> keySerializer, Serializer<V> valueSerializer,
                                                Time time) {
        Map<Object, Object> all = new LinkedHashMap<>(configs);
        if (keySerializer != null) {
            all.put(KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
        }
        if (valueSerializer != null) {
            all.put(VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer);
        }
        ProducerSettings settings = ProducerSettings.parse(all);
        ConfigRules.refuseUnsupported(settings);
        boolean idempotent = ConfigRules.idempotence(settings);
        long deliveryTimeoutMs = ConfigRules.deliveryTimeoutMs(settings);
        String clientId = settings.getString(CLIENT_ID_CONFIG).isEmpty()
                ? "producer-" + CLIENT_ID_SEQUENCE.getAndIncrement()
                : settings.getString(CLIENT_ID_CONFIG);
        log.info("Producer {} configuration: {}", clientId, settings.maskedValues());

        ProducerPlugins plugins = ProducerPlugins.load(settings, new PluginRegistry());
        Transport transport = null;
        try {
            ProducerMetrics metrics = new ProducerMetrics(time, clientId, settings.getInt(METRICS_NUM_SAMPLES_CONFIG),
                    settings.getLong(METRICS_SAMPLE_WINDOW_MS_CONFIG));
            BatchCompression compression = new BatchCompression(noneAsNull(plugins), plugins.compression().level());
            RecordAccumulator accumulator = accumulator(settings, compression, deliveryTimeoutMs, plugins, metrics, time);

            Runnable[] wakeSender = {() -> { }};
            Metadata metadata = new Metadata(MetadataConfig.from(settings), time, () -> wakeSender[0].run());
            MetadataUpdater updater = new MetadataUpdater(metadata, MetadataConfig.from(settings),
                    BootstrapResolver.from(settings, HostResolver.DEFAULT), time.monotonicMs());
            transport = plugins.transport().open(new SluiceTransportConfig(settings, clientId));
            NetworkClient client = new NetworkClient(networkConfig(settings, clientId), transport, updater, time,
                    new NetworkClient.Seams(new Random(), HostResolver.DEFAULT, SaslAuthenticator.forProducer(settings)));

            DeliveryGuarantee delivery = idempotent
                    ? new IdempotentDelivery(settings.getInt(REQUEST_TIMEOUT_MS_CONFIG), ExponentialBackoff.doubling(
                            settings.getLong(RETRY_BACKOFF_MS_CONFIG), settings.getLong(RETRY_BACKOFF_MAX_MS_CONFIG), new Random()))
                    : new PlainDelivery();
            SenderConfig senderConfig = new SenderConfig(ConfigRules.acks(settings), settings.getInt(MAX_REQUEST_SIZE_CONFIG),
                    settings.getInt(REQUEST_TIMEOUT_MS_CONFIG), settings.getInt(RETRIES_CONFIG), deliveryTimeoutMs);
            Interceptors<?, ?> interceptors = interceptors(plugins);
            Sender sender = new Sender(client, accumulator, new MetadataClusterSource(metadata), delivery, senderConfig,
                    new SenderMetrics(metrics, settings.getInt(BATCH_SIZE_CONFIG), settings.getLong(LINGER_MS_CONFIG)),
                    interceptors, accumulator::splitAndReenqueue, time);
            wakeSender[0] = sender::wakeup;
            accumulator.onBatchReady(sender::wakeup);
            BufferMetrics.register(metrics, accumulator.pool());

            PartitionChooser chooser = new PartitionChooser(plugins.partitioner(),
                    BuiltInStickyPartitioner.fromConfig(settings.pluginView()));
            ProducerParts parts = new ProducerParts(clientId, settings.getLong(MAX_BLOCK_MS_CONFIG),
                    settings.getInt(MAX_REQUEST_SIZE_CONFIG), plugins, interceptors, chooser, accumulator, metadata, sender,
                    delivery, metrics, time).batching(settings.getInt(BATCH_SIZE_CONFIG), settings.getLong(LINGER_MS_CONFIG));
            metrics.addReporter(new JmxReporter()); // last: a failed assembly leaves no MBean behind
            return new SluiceProducer<>(parts);
        } catch (IOException e) {
            plugins.close();
            throw new ConfigException(null, "Could not open the transport " + plugins.transport().name() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (transport != null) {
                transport.close();
            }
            plugins.close();
            throw e;
        }
    }

    private static RecordAccumulator accumulator(ProducerSettings settings, BatchCompression compression,
                                                 long deliveryTimeoutMs, ProducerPlugins plugins, ProducerMetrics metrics,
                                                 Time time) {
        int batchSize = settings.getInt(BATCH_SIZE_CONFIG);
        // Batches are compressed when sealed, so a compressed batch's buffer holds its records uncompressed:
        // pool buffers up to what a batch.size batch at a 4:1 ratio needs.
        int largestPooled = compression.isNone() ? batchSize : RecordBatchBuilder.bufferSizeFor(batchSize, 0.25f);
        BufferPool pool = new BufferPool(settings.getLong(BUFFER_MEMORY_CONFIG), largestPooled, BufferAllocator.DIRECT, time,
                BufferMetrics.waitRecorder(metrics, time));
        boolean incremental = settings.getString(BUFFER_MEMORY_ALLOCATION_STRATEGY_CONFIG).toLowerCase(Locale.ROOT)
                .equals("incremental");
        AccumulatorConfig config = new AccumulatorConfig(batchSize, settings.getLong(LINGER_MS_CONFIG), deliveryTimeoutMs,
                ExponentialBackoff.doubling(settings.getLong(RETRY_BACKOFF_MS_CONFIG),
                        settings.getLong(RETRY_BACKOFF_MAX_MS_CONFIG), new Random()),
                compression, incremental, !plugins.interceptors().isEmpty(),
                settings.getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) == 1);
        return new RecordAccumulator(config, pool);
    }

    private static io.sluice.api.spi.Compressor noneAsNull(ProducerPlugins plugins) {
        return plugins.compression().compressor().id() == 0 ? null : plugins.compression().compressor();
    }

    private static NetworkClientConfig networkConfig(ProducerSettings s, String clientId) {
        NetworkClientConfig base = NetworkClientConfig.from(s);
        return new NetworkClientConfig(clientId, base.maxInFlightPerConnection(), base.requestTimeoutMs(),
                base.reconnectBackoffMs(), base.reconnectBackoffMaxMs(), base.setupTimeoutMs(), base.setupTimeoutMaxMs());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Interceptors<?, ?> interceptors(ProducerPlugins plugins) {
        List<ProducerInterceptor> list = new ArrayList<>(plugins.interceptors());
        return new Interceptors(list);
    }
}
