package io.sluice.core.metrics;

import io.sluice.api.Metric;
import io.sluice.api.MetricName;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a producer's metrics as JMX MBeans with Apache Kafka's layout, under the domain
 * {@value #DOMAIN}: one MBean per metric group and tag set, whose attributes are the metric names
 * and whose values are the metrics' current values ({@code double}).
 * <pre>
 * io.sluice:type=producer-metrics,client-id=&lt;client.id&gt;
 * io.sluice:type=producer-topic-metrics,client-id=&lt;client.id&gt;,topic=&lt;topic&gt;
 * io.sluice:type=producer-node-metrics,client-id=&lt;client.id&gt;,node-id=node-&lt;broker id&gt;
 * </pre>
 * A tag value with characters JMX reserves ({@code , = : " * ?}) is quoted, as Kafka does. MBeans
 * are registered as their first metric appears and unregistered on {@link #close()}. An MBean
 * name already taken (two producers with one {@code client.id}) is left to its owner, with a
 * warning: JMX never breaks a producer.
 *
 * <p>Calls are serialized by the {@link ProducerMetrics} it is added to, which guards
 * {@link #mbeans}; JMX threads read the MBeans concurrently (see {@link MetricsMBean}).
 */
public final class JmxReporter implements MetricsReporter {

    /** The JMX domain of every Sluice MBean. */
    public static final String DOMAIN = "io.sluice";

    private static final Logger log = LoggerFactory.getLogger(JmxReporter.class);
    /** Tag values made of these characters need no quoting (Kafka's {@code Sanitizer.jmxSanitize}). */
    private static final Pattern PLAIN_VALUE = Pattern.compile("[\\w\\-%. \t]*");

    private final MBeanServer server;
    private final Map<ObjectName, MetricsMBean> mbeans = new HashMap<>();

    /** A reporter to the platform MBean server. */
    public JmxReporter() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    JmxReporter(MBeanServer server) {
        this.server = server;
    }

    @Override
    public void init(List<Metric> metrics) {
        for (Metric metric : metrics) {
            metricAdded(metric);
        }
    }

    @Override
    public void metricAdded(Metric metric) {
        ObjectName name;
        try {
            name = objectName(metric.metricName());
        } catch (MalformedObjectNameException e) {
            log.warn("Metric {} is not published to JMX: its name makes no valid MBean name ({})", metric.metricName(),
                    e.getMessage());
            return;
        }
        MetricsMBean mbean = mbeans.get(name);
        if (mbean != null) {
            mbean.put(metric); // attributes are read live: the MBean's info lists it from now on
            return;
        }
        mbean = new MetricsMBean(metric.metricName().group());
        mbean.put(metric);
        mbeans.put(name, mbean);
        register(name, mbean);
    }

    @Override
    public void close() {
        for (Map.Entry<ObjectName, MetricsMBean> e : mbeans.entrySet()) {
            if (e.getValue().registered) {
                try {
                    server.unregisterMBean(e.getKey());
                } catch (JMException | RuntimeException ex) {
                    log.warn("Could not unregister MBean {}: {}", e.getKey(), ex.toString());
                }
            }
        }
        mbeans.clear();
    }

    /** The MBean name of a metric's group and tags, as Kafka's {@code JmxReporter} builds it. */
    static ObjectName objectName(MetricName metric) throws MalformedObjectNameException {
        StringBuilder name = new StringBuilder(DOMAIN).append(":type=").append(metric.group());
        Map<String, String> tags = new TreeMap<>(metric.tags());
        String clientId = tags.remove("client-id");
        if (clientId != null) {
            name.append(",client-id=").append(quoteIfNeeded(clientId));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tag.getKey().isEmpty() && !tag.getValue().isEmpty()) {
                name.append(',').append(tag.getKey()).append('=').append(quoteIfNeeded(tag.getValue()));
            }
        }
        return new ObjectName(name.toString());
    }

    static String quoteIfNeeded(String value) {
        return PLAIN_VALUE.matcher(value).matches() ? value : ObjectName.quote(value);
    }

    private void register(ObjectName name, MetricsMBean mbean) {
        try {
            server.registerMBean(mbean, name);
            mbean.registered = true;
        } catch (InstanceAlreadyExistsException e) {
            log.warn("JMX MBean {} is already registered, most likely by another producer with the same client.id; this "
                    + "producer's {} metrics are not published to JMX. Give each producer its own client.id.",
                    name, mbean.group());
        } catch (JMException | RuntimeException e) {
            log.warn("Could not register JMX MBean {}: {}; the metrics stay available from producer.metrics()", name,
                    e.toString());
        }
    }

    /** The names of the MBeans this reporter registered (for tests). */
    List<ObjectName> registeredNames() {
        List<ObjectName> names = new ArrayList<>();
        mbeans.forEach((n, m) -> {
            if (m.registered) {
                names.add(n);
            }
        });
        return names;
    }
}
