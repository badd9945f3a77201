package io.sluice.it.security;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the in-process broker's per-listener socket metrics over JMX
 * ({@code kafka.server:type=socket-server-metrics,listener=…,networkProcessor=…}), summed over its
 * network processors: how many connections authenticated, re-authenticated, or were closed because
 * their session expired. Stateless.
 */
final class BrokerSocketMetrics {

    private BrokerSocketMetrics() {
    }

    /** The sum of attribute {@code metric} (e.g. {@code successful-reauthentication-total}) over the listener's processors. */
    static long total(String listener, String metric) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName pattern = new ObjectName("kafka.server:type=socket-server-metrics,listener=" + listener
                    + ",networkProcessor=*");
            double sum = 0;
            int found = 0;
            for (ObjectName name : server.queryNames(pattern, null)) {
                sum += ((Number) server.getAttribute(name, metric)).doubleValue();
                found++;
            }
            if (found == 0) {
                throw new IllegalStateException("No JMX socket-server metrics for listener " + listener
                        + ": is the broker running in this JVM?");
            }
            return Math.round(sum);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + metric + " of listener " + listener + " over JMX: " + e, e);
        }
    }
}
