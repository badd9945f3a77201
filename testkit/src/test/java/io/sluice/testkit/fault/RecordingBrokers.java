package io.sluice.testkit.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in for a cluster's broker control in the schedule's own tests: records the calls it gets and reports
 * broker 2 as the leader. Real brokers are stopped and restarted in {@link ChaosSoakTest}.
 *
 * <p>Thread-safe: the schedule's thread calls it, the test thread reads it; the call list is guarded by this.
 */
final class RecordingBrokers implements BrokerControl {

    final CountDownLatch firstStop = new CountDownLatch(1);
    private final List<String> calls = new ArrayList<>();
    private final boolean[] running = {true, true, true};

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public List<Integer> brokerIds() {
        return List.of(1, 2, 3);
    }

    @Override
    public synchronized boolean isRunning(int brokerId) {
        return running[brokerId - 1];
    }

    @Override
    public synchronized void stopBroker(int brokerId) {
        calls.add("stop " + brokerId);
        running[brokerId - 1] = false;
        firstStop.countDown();
    }

    @Override
    public synchronized void restartBroker(int brokerId) {
        calls.add("restart " + brokerId);
        running[brokerId - 1] = true;
    }

    @Override
    public int leaderOf(String topic, int partition) {
        return 2;
    }

    @Override
    public synchronized void awaitInSync(String topic) {
        calls.add("in sync " + topic);
    }
}
