package io.sluice.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Creates SCRAM users through the Admin API ({@code alterUserScramCredentials}, stored in the KRaft metadata) and
 * waits until every running broker knows them, asking each broker directly ({@link BrokerMetadataProbe}), so a
 * client may log in at any broker at once.
 *
 * <p>Thread-safe: the Admin client is, and this class keeps no other state.
 */
final class ScramUsers {

    /** Kafka's minimum, and the official client's default. */
    static final int ITERATIONS = 4096;

    private final Admin admin;
    private final ClusterNodes nodes;

    ScramUsers(Admin admin, ClusterNodes nodes) {
        this.admin = admin;
        this.nodes = nodes;
    }

    void create(String user, String password, SaslMechanism mechanism, Duration timeout) {
        if (!mechanism.isScram()) {
            throw new IllegalArgumentException(mechanism + " is not a SCRAM mechanism; PLAIN users are defined with "
                    + "KafkaClusterBuilder.plainUser");
        }
        ScramMechanism scram = mechanism == SaslMechanism.SCRAM_SHA_256
                ? ScramMechanism.SCRAM_SHA_256 : ScramMechanism.SCRAM_SHA_512;
        TopicOperations.await(admin.alterUserScramCredentials(List.of(
                new UserScramCredentialUpsertion(user, new ScramCredentialInfo(scram, ITERATIONS), password))).all(),
                timeout, "creating SCRAM user " + user + " (" + mechanism.mechanismName() + ")");
        for (int brokerId : nodes.brokerIds()) {
            InProcessNode broker = nodes.broker(brokerId);
            if (broker.isRunning()) {
                Await.untilTrue(timeout, "broker " + brokerId + " to know SCRAM user " + user + " ("
                        + mechanism.mechanismName() + ")", () -> notYetKnown(broker.spec(), user, mechanism));
            }
        }
    }

    private static Optional<String> notYetKnown(NodeSpec broker, String user, SaslMechanism mechanism)
            throws IOException {
        Set<String> mechanisms = BrokerMetadataProbe.scramMechanismsSeenBy(broker, user);
        return mechanisms.contains(mechanism.mechanismName())
                ? Optional.empty() : Optional.of("the broker knows " + mechanisms + " for " + user);
    }
}
