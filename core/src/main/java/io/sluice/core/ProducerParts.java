package io.sluice.core;

import io.sluice.core.accumulate.RecordAccumulator;
import io.sluice.core.intercept.Interceptors;
import io.sluice.core.metadata.Metadata;
import io.sluice.core.metrics.ProducerMetrics;
import io.sluice.core.partition.PartitionChooser;
import io.sluice.core.plugin.ProducerPlugins;
import io.sluice.core.send.DeliveryGuarantee;
import io.sluice.core.send.Sender;
import io.sluice.core.time.Time;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything one producer is made of, wired by {@link ProducerAssembly}, and the order they are let
 * go in. Immutable references; {@link #closeResources()} runs once.
 */
final class ProducerParts {

    private final String clientId;
    private final long maxBlockMs;
    private int batchSize;
    private long lingerMs;
    private final int maxRequestSize;
    private final ProducerPlugins plugins;
    private final Interceptors<?, ?> interceptors;
    private final PartitionChooser chooser;
    private final RecordAccumulator accumulator;
    private final Metadata metadata;
    private final Sender sender;
    private final DeliveryGuarantee delivery;
    private final ProducerMetrics metrics;
    private final Time time;
    private final AtomicBoolean released = new AtomicBoolean();

    ProducerParts(String clientId, long maxBlockMs, int maxRequestSize, ProducerPlugins plugins, Interceptors<?, ?> interceptors,
                  PartitionChooser chooser, RecordAccumulator accumulator, Metadata metadata, Sender sender,
                  DeliveryGuarantee delivery, ProducerMetrics metrics, Time time) {
        this.clientId = clientId;
        this.maxBlockMs = maxBlockMs;
        this.maxRequestSize = maxRequestSize;
        this.plugins = plugins;
        this.interceptors = interceptors;
        this.chooser = chooser;
        this.accumulator = accumulator;
        this.metadata = metadata;
        this.sender = sender;
        this.delivery = delivery;
        this.metrics = metrics;
        this.time = time;
    }

    String clientId() {
        return clientId;
    }

    /** The batching settings, for {@link Tuning}. */
    ProducerParts batching(int batchSize, long lingerMs) {
        this.batchSize = batchSize;
        this.lingerMs = lingerMs;
        return this;
    }

    int batchSize() {
        return batchSize;
    }

    long lingerMs() {
        return lingerMs;
    }

    long maxBlockMs() {
        return maxBlockMs;
    }

    int maxRequestSize() {
        return maxRequestSize;
    }

    ProducerPlugins plugins() {
        return plugins;
    }

    Interceptors<?, ?> interceptors() {
        return interceptors;
    }

    PartitionChooser chooser() {
        return chooser;
    }

    RecordAccumulator accumulator() {
        return accumulator;
    }

    Metadata metadata() {
        return metadata;
    }

    Sender sender() {
        return sender;
    }

    DeliveryGuarantee delivery() {
        return delivery;
    }

    ProducerMetrics metrics() {
        return metrics;
    }

    Time time() {
        return time;
    }

    String keySerializerKey() {
        return "key.serializer";
    }

    String valueSerializerKey() {
        return "value.serializer";
    }

    /**
     * Releases what is left once the sender thread has ended (it closes the network client and the
     * transport itself, as their owner): threads waiting for metadata or memory, and the plugins. Once.
     */
    void closeResources() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        metadata.close();
        accumulator.pool().close();
        plugins.close();
        metrics.close(); // unregisters the JMX MBeans
    }

    /** For a close from a callback: release resources once the sender thread has ended. */
    void closeResourcesLater(Thread senderThread) {
        Thread closer = new Thread(() -> {
            try {
                senderThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeResources();
        }, "sluice-producer-closer-" + clientId);
        closer.setDaemon(true);
        closer.start();
    }
}
