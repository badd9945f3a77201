package io.sluice.core.metrics;

import io.sluice.api.Metric;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;

/**
 * One JMX MBean of {@link JmxReporter}: the metrics of one group and tag set, each a read-only
 * {@code double} attribute named like the metric ({@code record-send-rate}), computed when read.
 *
 * <p>Thread-safe: metrics are added under the {@link ProducerMetrics} lock while JMX threads read;
 * the attribute map is concurrent and sorted, so {@link #getMBeanInfo()} lists attributes in name
 * order and includes metrics added after registration.
 */
final class MetricsMBean implements DynamicMBean {

    private final String group;
    private final Map<String, Metric> attributes = new ConcurrentSkipListMap<>();
    /** Set under the {@link ProducerMetrics} lock; read there too. */
    boolean registered;

    MetricsMBean(String group) {
        this.group = group;
    }

    String group() {
        return group;
    }

    void put(Metric metric) {
        attributes.put(metric.metricName().name(), metric);
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException {
        Metric metric = attributes.get(name);
        if (metric == null) {
            throw new AttributeNotFoundException("No metric " + name + " in " + group + "; there are " + attributes.keySet());
        }
        return metric.metricValue();
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList list = new AttributeList();
        for (String name : names) {
            Metric metric = attributes.get(name);
            if (metric != null) {
                list.add(new Attribute(name, metric.metricValue()));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) {
        throw new UnsupportedOperationException("Metrics are read-only; cannot set " + attribute.getName());
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        throw new UnsupportedOperationException("Metrics are read-only");
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) {
        throw new UnsupportedOperationException("Sluice metric MBeans have no operations; " + actionName + " does not exist");
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] infos = new MBeanAttributeInfo[0];
        infos = attributes.values().stream()
                .map(m -> new MBeanAttributeInfo(m.metricName().name(), double.class.getName(),
                        m.metricName().description(), true, false, false))
                .toList().toArray(infos);
        return new MBeanInfo(getClass().getName(), "Sluice producer metrics of group " + group, infos, null, null, null);
    }
}
