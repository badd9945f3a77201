package io.sluice.testkit.fault;

import java.util.List;

/**
 * What a {@link FaultSchedule} needs to stop and restart the brokers of a cluster. The testkit's
 * {@code KafkaCluster} implements it; pass the cluster itself.
 *
 * <p>Implementations must be thread-safe: the schedule calls them from its own thread while tests run.
 */
public interface BrokerControl {

    /** The ids of the brokers, ascending. */
    List<Integer> brokerIds();

    /** Whether the broker runs now. */
    boolean isRunning(int brokerId);

    /** Stops a broker the way a crash looks to the cluster (no controlled shutdown); its data stays. */
    void stopBroker(int brokerId);

    /** Starts the broker again on the same port and data (stopping it first if it runs). */
    void restartBroker(int brokerId);

    /** The id of the partition's leader, or -1 while it has none. */
    int leaderOf(String topic, int partition);

    /** Waits until every replica of every partition of {@code topic} is in sync. */
    void awaitInSync(String topic);
}
