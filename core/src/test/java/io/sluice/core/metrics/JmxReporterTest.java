package io.sluice.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.MetricName;
import io.sluice.core.time.ManualTime;
import java.util.Arrays;
import java.util.Map;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The metrics as JMX MBeans, read through an MBean server of the test's own (not the platform one, not kept by the factory). */
class JmxReporterTest {

    private final ManualTime time = new ManualTime();
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ProducerMetrics metrics = new ProducerMetrics(time, "client-1", 2, 30_000);

    @Test
    void shouldPublishOneMBeanPerGroupAndTagsWithTheMetricNamesAsAttributes() throws Exception {
        Sensor sends = metrics.sensor("record-send");
        metrics.addTotal(sends, metrics.producerMetric("record-send-total", "The total number of records sent."));
        metrics.addRate(sends, metrics.producerMetric("record-send-rate", ""));
        metrics.addReporter(new JmxReporter(server));
        Sensor topicBytes = metrics.sensor("topic.orders.bytes");
        metrics.addTotal(topicBytes, metrics.topicMetric("byte-total", "orders", ""));
        Sensor node = metrics.sensor("node-3.latency");
        metrics.addMax(node, metrics.nodeMetric("request-latency-max", 3, ""));

        sends.record(5, time.monotonicMs());
        sends.record(7, time.monotonicMs());
        topicBytes.record(1234, time.monotonicMs());
        node.record(42, time.monotonicMs());

        ObjectName producer = new ObjectName("io.sluice:type=producer-metrics,client-id=client-1");
        assertThat(server.getAttribute(producer, "record-send-total")).isEqualTo(12.0);
        assertThat(server.getAttribute(new ObjectName("io.sluice:type=producer-topic-metrics,client-id=client-1,topic=orders"),
                "byte-total")).isEqualTo(1234.0);
        assertThat(server.getAttribute(new ObjectName("io.sluice:type=producer-node-metrics,client-id=client-1,node-id=node-3"),
                "request-latency-max")).isEqualTo(42.0);
        MBeanAttributeInfo[] infos = server.getMBeanInfo(producer).getAttributes();
        assertThat(Arrays.stream(infos).map(MBeanAttributeInfo::getName)).containsExactly("record-send-rate", "record-send-total");
        assertThat(Arrays.stream(infos).filter(i -> i.getName().equals("record-send-total")).findFirst().orElseThrow())
                .satisfies(i -> {
                    assertThat(i.getType()).isEqualTo("double");
                    assertThat(i.isReadable()).isTrue();
                    assertThat(i.isWritable()).isFalse();
                    assertThat(i.getDescription()).isEqualTo("The total number of records sent.");
                });
    }

    @Test
    void attributesAreReadLiveAndAMetricAddedLaterJoinsItsMBean() throws Exception {
        metrics.addReporter(new JmxReporter(server));
        long[] available = {100};
        metrics.addGauge(metrics.producerMetric("buffer-available-bytes", ""), () -> available[0]);
        ObjectName producer = new ObjectName("io.sluice:type=producer-metrics,client-id=client-1");
        assertThat(server.getAttribute(producer, "buffer-available-bytes")).isEqualTo(100.0);
        available[0] = 7;
        assertThat(server.getAttribute(producer, "buffer-available-bytes")).isEqualTo(7.0);

        metrics.addGauge(metrics.producerMetric("waiting-threads", ""), () -> 2);
        assertThat(server.getAttribute(producer, "waiting-threads")).isEqualTo(2.0);
        assertThat(server.getMBeanInfo(producer).getAttributes()).extracting(MBeanAttributeInfo::getName)
                .containsExactly("buffer-available-bytes", "waiting-threads");
        assertThatThrownBy(() -> server.getAttribute(producer, "no-such-metric"))
                .isInstanceOf(AttributeNotFoundException.class)
                .hasMessageContaining("buffer-available-bytes");
    }

    @Test
    void closeUnregistersEveryMBeanOfTheProducer() throws Exception {
        metrics.addReporter(new JmxReporter(server));
        metrics.addGauge(metrics.producerMetric("buffer-total-bytes", ""), () -> 1);
        metrics.addGauge(metrics.topicMetric("compression-rate", "t", ""), () -> 1);
        assertThat(server.queryNames(new ObjectName("io.sluice:*"), null)).hasSize(2);

        metrics.close();

        assertThat(server.queryNames(new ObjectName("io.sluice:*"), null)).isEmpty();
    }

    @Test
    void tagValuesWithCharactersJmxReservesAreQuotedAsKafkaDoes() throws Exception {
        ObjectName name = JmxReporter.objectName(new MetricName("record-send-rate", "producer-topic-metrics", "",
                Map.of("client-id", "app,one=1", "topic", "my.topic_2-x")));
        assertThat(name.getKeyProperty("client-id")).isEqualTo("\"app,one=1\"");
        assertThat(ObjectName.unquote(name.getKeyProperty("client-id"))).isEqualTo("app,one=1");
        assertThat(name.getKeyProperty("topic")).isEqualTo("my.topic_2-x");
        assertThat(name.getKeyProperty("type")).isEqualTo("producer-topic-metrics");
        assertThat(name.getDomain()).isEqualTo("io.sluice");
    }

    @Test
    void aSecondProducerWithTheSameClientIdLeavesTheFirstOnesMBeanAlone() throws Exception {
        ProducerMetrics other = new ProducerMetrics(time, "client-1", 2, 30_000);
        metrics.addReporter(new JmxReporter(server));
        metrics.addGauge(metrics.producerMetric("buffer-total-bytes", ""), () -> 1);
        other.addReporter(new JmxReporter(server));
        other.addGauge(other.producerMetric("buffer-total-bytes", ""), () -> 2);
        ObjectName producer = new ObjectName("io.sluice:type=producer-metrics,client-id=client-1");
        assertThat(server.getAttribute(producer, "buffer-total-bytes")).isEqualTo(1.0);

        other.close(); // must not unregister what the first producer registered
        assertThat(server.isRegistered(producer)).isTrue();
        metrics.close();
        assertThat(server.isRegistered(producer)).isFalse();
    }

    @Test
    void metricBeansAreReadOnly() throws Exception {
        metrics.addReporter(new JmxReporter(server));
        metrics.addGauge(metrics.producerMetric("buffer-total-bytes", ""), () -> 1);
        ObjectName producer = new ObjectName("io.sluice:type=producer-metrics,client-id=client-1");
        assertThatThrownBy(() -> server.setAttribute(producer, new javax.management.Attribute("buffer-total-bytes", 5.0)))
                .hasRootCauseInstanceOf(UnsupportedOperationException.class);
        assertThat(server.getAttribute(producer, "buffer-total-bytes")).isEqualTo(1.0);
    }
}
