package io.sluice.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.api.errors.ProducerClosedException;
import io.sluice.core.network.ManualTime;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real threads on the real monitor: user threads waiting for a topic while "the sender" publishes it. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetadataConcurrencyTest {

    @Test
    void shouldWakeEveryThreadWaitingForATopicWhenTheSenderPublishesIt() throws Exception {
        ManualTime time = new ManualTime(); // never advanced: only the update can end the waits
        CountDownLatch asked = new CountDownLatch(4);
        Metadata metadata = new Metadata(MetadataTest.CONFIG, time, asked::countDown);
        metadata.bootstrap(List.of(InetSocketAddress.createUnresolved("broker-1", 9092)));
        ExecutorService users = Executors.newFixedThreadPool(4);
        try {
            List<Future<Cluster>> waits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int partition = i % 3;
                waits.add(users.submit(() -> metadata.awaitTopic("orders", partition, 600_000)));
            }
            assertThat(asked.await(30, TimeUnit.SECONDS)).as("every waiting thread woke the sender").isTrue();
            metadata.update(ClusterTest.twoTopics(), Map.of(), false, metadata.fetchPlan().requestVersion(),
                    time.monotonicMs());
            for (Future<Cluster> wait : waits) {
                assertThat(wait.get(30, TimeUnit.SECONDS).partitionCount("orders")).isEqualTo(3);
            }
        } finally {
            users.shutdownNow();
        }
    }

    @Test
    void shouldReleaseWaitingThreadsWhenClosed() throws Exception {
        ManualTime time = new ManualTime();
        CountDownLatch asked = new CountDownLatch(1);
        Metadata metadata = new Metadata(MetadataTest.CONFIG, time, asked::countDown);
        metadata.bootstrap(List.of(InetSocketAddress.createUnresolved("broker-1", 9092)));
        ExecutorService user = Executors.newSingleThreadExecutor();
        try {
            Future<Cluster> wait = user.submit(() -> metadata.awaitTopic("orders", null, 600_000));
            assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();
            metadata.close();
            assertThat(catchThrowable(() -> wait.get(30, TimeUnit.SECONDS)))
                    .hasCauseInstanceOf(ProducerClosedException.class);
        } finally {
            user.shutdownNow();
        }
    }
}
