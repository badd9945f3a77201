package io.sluice.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ApiException;
import io.sluice.api.errors.BrokerException;
import io.sluice.api.errors.ClusterAuthorizationException;
import io.sluice.api.errors.NotLeaderOrFollowerException;
import io.sluice.api.errors.RetriableBrokerException;
import io.sluice.api.errors.RetriableException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our error table against Kafka 4.4's {@code org.apache.kafka.common.protocol.Errors}, code by code. */
class ErrorsTest {

    static Stream<org.apache.kafka.common.protocol.Errors> kafkaErrors() {
        return Stream.of(org.apache.kafka.common.protocol.Errors.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kafkaErrors")
    void shouldHaveKafkasCodeNameAndRetriableFlag(org.apache.kafka.common.protocol.Errors kafka) {
        Errors ours = Errors.forCode(kafka.code());
        assertThat(ours).as("code %d", kafka.code()).isNotNull();
        assertThat(ours.name()).isEqualTo(kafka.name());
        assertThat(ours.code()).isEqualTo(kafka.code());
        assertThat(ours.retriable()).isEqualTo(kafka.exception() instanceof org.apache.kafka.common.errors.RetriableException);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kafkaErrors")
    void shouldMapToAnExceptionOfTheSameKindAsKafkas(org.apache.kafka.common.protocol.Errors kafka) {
        if (kafka == org.apache.kafka.common.protocol.Errors.NONE) {
            assertThatThrownBy(() -> Errors.NONE.exception("x")).isInstanceOf(IllegalStateException.class);
            return;
        }
        Throwable theirs = kafka.exception();
        ApiException ours = Errors.forCode(kafka.code()).exception("Produce to orders-3 on broker 2");
        assertThat(ours).hasMessageStartingWith(kafka.name() + ": Produce to orders-3 on broker 2");
        assertThat(ours instanceof RetriableException)
                .isEqualTo(theirs instanceof org.apache.kafka.common.errors.RetriableException);
        assertThat(ours instanceof io.sluice.api.errors.InvalidMetadataException)
                .as("refresh metadata on it").isEqualTo(theirs instanceof org.apache.kafka.common.errors.InvalidMetadataException);
        assertThat(ours instanceof io.sluice.api.errors.AuthorizationException)
                .isEqualTo(theirs instanceof org.apache.kafka.common.errors.AuthorizationException);
        assertThat(ours instanceof io.sluice.api.errors.AuthenticationException)
                .isEqualTo(theirs instanceof org.apache.kafka.common.errors.AuthenticationException);
    }

    @Test
    void shouldUseOurExceptionOfTheSameNameWhereverThereIsOne() {
        int sameNamed = 0;
        for (org.apache.kafka.common.protocol.Errors kafka : org.apache.kafka.common.protocol.Errors.values()) {
            if (kafka == org.apache.kafka.common.protocol.Errors.NONE) {
                continue;
            }
            Class<?> ours;
            try {
                ours = Class.forName("io.sluice.api.errors." + kafka.exception().getClass().getSimpleName());
            } catch (ClassNotFoundException none) {
                continue;
            }
            sameNamed++;
            assertThat(Errors.forCode(kafka.code()).exception(null)).as(kafka.name()).isExactlyInstanceOf(ours);
        }
        assertThat(sameNamed).as("errors with a same-named Sluice exception").isGreaterThanOrEqualTo(25);
    }

    @Test
    void shouldKnowExactlyTheCodesKafkaKnows() {
        assertThat(Errors.values()).hasSameSizeAs(org.apache.kafka.common.protocol.Errors.values());
    }

    @Test
    void shouldNameTheErrorAndSayWhatToDo() {
        assertThat(Errors.NOT_LEADER_OR_FOLLOWER.exception("Produce to orders-3 on broker 2"))
                .isExactlyInstanceOf(NotLeaderOrFollowerException.class)
                .hasMessage("NOT_LEADER_OR_FOLLOWER: Produce to orders-3 on broker 2 "
                        + "(leadership moved; retried on the new leader after a metadata refresh)");
        assertThat(Errors.CLUSTER_AUTHORIZATION_FAILED.exception("InitProducerId"))
                .isExactlyInstanceOf(ClusterAuthorizationException.class)
                .hasMessageContaining("grant this principal IDEMPOTENT_WRITE on the cluster, or set enable.idempotence=false");
        assertThat(Errors.COORDINATOR_LOAD_IN_PROGRESS.exception(null))
                .isExactlyInstanceOf(RetriableBrokerException.class).hasMessage("COORDINATOR_LOAD_IN_PROGRESS");
        assertThat(Errors.POLICY_VIOLATION.exception("")).isExactlyInstanceOf(BrokerException.class)
                .hasMessageStartingWith("POLICY_VIOLATION (");
    }

    @Test
    void shouldMapAnUnknownCodeToAClearNonRetriableException() {
        assertThat(Errors.forCode((short) 4000)).isNull();
        assertThat(Errors.forCode((short) -2)).isNull();
        assertThat(Errors.isRetriable((short) 4000)).isFalse();
        assertThat(Errors.exceptionFor((short) 4000, "Produce to t-0"))
                .isExactlyInstanceOf(BrokerException.class)
                .hasMessageStartingWith("Unknown error code 4000 from broker: Produce to t-0");
        assertThat(Errors.exceptionFor((short) 6, null)).isInstanceOf(NotLeaderOrFollowerException.class);
        assertThat(Errors.isRetriable((short) 6)).isTrue();
    }
}
