package io.sluice.it.security;

import static io.sluice.it.security.SecureClusters.ALICE;
import static io.sluice.it.security.SecureClusters.ALICE_PASSWORD;
import static io.sluice.it.security.SecureClusters.BOB;
import static io.sluice.it.security.SecureClusters.BOB_PASSWORD;
import static io.sluice.it.security.SecureClusters.REAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Producer;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordMetadata;
import io.sluice.api.errors.SaslAuthenticationException;
import io.sluice.core.Producers;
import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.SaslMechanism;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * KIP-368 re-authentication against a listener whose sessions last 3 s
 * ({@code connections.max.reauth.ms=3000}): Sluice re-authenticates its connections in place while
 * producing, so the broker never closes one for an expired session, and every record is delivered
 * exactly once and in order; and when the user's credentials change, the next re-authentication
 * fails the sends that wait with the broker's refusal.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReauthenticationTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = SecureClusters.extension();

    /** Enough re-authentications to show it is routine: about 3 s × 0.9 each. */
    private static final int REAUTHENTICATIONS = 3;

    @BeforeAll
    static void users() {
        SecureClusters.createUsers(kafka.cluster());
    }

    @ParameterizedTest
    @EnumSource(value = SaslMechanism.class, names = {"PLAIN", "SCRAM_SHA_256"})
    void producesAcrossSeveralReauthenticationsDeliveringEveryRecordOnceInOrder(SaslMechanism mechanism) throws Exception {
        Map<String, Object> client = mechanism == SaslMechanism.PLAIN
                ? kafka.cluster().clientConfig(REAUTH, mechanism, ALICE, ALICE_PASSWORD)
                : kafka.cluster().clientConfig(REAUTH, mechanism, BOB, BOB_PASSWORD);
        String topic = kafka.createTopic("reauth", 2, 1);
        long reauthenticatedBefore = BrokerSocketMetrics.total(REAUTH, "successful-reauthentication-total");
        long authenticatedBefore = BrokerSocketMetrics.total(REAUTH, "successful-authentication-total");
        long killedBefore = BrokerSocketMetrics.total(REAUTH, "expired-connections-killed-count");
        List<Future<RecordMetadata>> sent = new ArrayList<>();

        try (Producer<String, String> producer = Producers.create(SecureClusters.producerConfig(client, "linger.ms", 5))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int i = 0;
            while (reauthenticated(reauthenticatedBefore) < REAUTHENTICATIONS && System.nanoTime() < deadline) {
                for (int burst = 0; burst < 20; burst++, i++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, "key-" + (i % 4), Integer.toString(i))));
                }
                Thread.sleep(20); // a steady trickle, so requests are in flight when sessions run out
            }
            producer.flush();
        }
        // the broker's counters now, before the official consumer opens its own connections to the listener
        long reauthentications = reauthenticated(reauthenticatedBefore);
        long newSessions = BrokerSocketMetrics.total(REAUTH, "successful-authentication-total") - authenticatedBefore;
        long expiredKilled = BrokerSocketMetrics.total(REAUTH, "expired-connections-killed-count") - killedBefore;
        assertThat(reauthentications).as("re-authentications seen by the broker").isGreaterThanOrEqualTo(REAUTHENTICATIONS);
        assertThat(expiredKilled).as("the broker never closed a connection whose session had expired").isZero();
        assertThat(newSessions).as("new connections (bootstrap and broker): sessions were renewed in place, not by reconnecting")
                .isBetween(1L, 2L);
        for (Future<RecordMetadata> f : sent) {
            f.get(); // every send acknowledged
        }

        List<ConsumerRecord<byte[], byte[]>> read = kafka.cluster().readAll(client, topic, sent.size(), Duration.ofSeconds(60));

        assertThat(read).hasSize(sent.size());
        Set<Integer> seen = new HashSet<>();
        Map<String, Integer> lastPerKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : read) {
            int value = Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8));
            assertThat(seen.add(value)).as("record %d read once", value).isTrue();
            String key = new String(r.key(), StandardCharsets.UTF_8);
            Integer previous = lastPerKey.put(key, value);
            assertThat(previous == null || previous < value).as("order of key %s: %s then %d", key, previous, value).isTrue();
        }
    }

    @Test
    void whenTheUsersPasswordChangesTheNextReauthenticationFailsTheWaitingSends() throws Exception {
        kafka.cluster().createScramUser("carol", "carol-first", SaslMechanism.SCRAM_SHA_256);
        Map<String, Object> client = kafka.cluster().clientConfig(REAUTH, SaslMechanism.SCRAM_SHA_256, "carol", "carol-first");
        String topic = kafka.createTopic("revoked", 1, 1);

        try (Producer<String, String> producer = Producers.create(SecureClusters.producerConfig(client, "max.block.ms", 60_000))) {
            producer.send(new ProducerRecord<>(topic, "k", "before")).get();
            kafka.cluster().createScramUser("carol", "carol-second", SaslMechanism.SCRAM_SHA_256);

            Throwable refused = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; refused == null && System.nanoTime() < deadline; i++) {
                try {
                    producer.send(new ProducerRecord<>(topic, "k", "after-" + i)).get();
                    Thread.sleep(100);
                } catch (ExecutionException e) {
                    refused = e.getCause();
                }
            }

            assertThat(refused).isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("SASL re-authentication with broker 1 (127.0.0.1:")
                    .hasMessageContaining("(sasl.mechanism=SCRAM-SHA-256) failed: SASL_AUTHENTICATION_FAILED")
                    .hasMessageNotContaining("carol-first");
            Future<RecordMetadata> next = producer.send(new ProducerRecord<>(topic, "k", "queued"));
            assertThatThrownBy(next::get).as("a send after the refusal fails too, instead of waiting delivery.timeout.ms")
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static long reauthenticated(long before) {
        return BrokerSocketMetrics.total(REAUTH, "successful-reauthentication-total") - before;
    }
}
