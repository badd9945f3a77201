package io.sluice.core.network;

import static io.sluice.core.network.ClientHarness.BROKER_1;
import static io.sluice.core.network.ClientHarness.BROKER_2;
import static io.sluice.core.network.ClientHarness.BROKER_3;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class LeastLoadedNodeTest {

    private final ClientHarness h = new ClientHarness();

    @Test
    void shouldPreferAReadyConnectionWithNothingInFlight() {
        h.connectReady(BROKER_1);
        h.connectReady(BROKER_2);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        assertThat(h.client.leastLoadedNode(h.now())).isEqualTo(BROKER_2);
    }

    @Test
    void shouldPickTheReadyConnectionWithFewestInFlightWhenAllAreBusy() {
        h.connectReady(BROKER_1);
        h.connectReady(BROKER_2);
        h.client.send(h.metadataRequest(BROKER_1, "a"), h.now());
        h.poll();
        h.client.send(h.metadataRequest(BROKER_1, "b"), h.now());
        h.client.send(h.metadataRequest(BROKER_2, "c"), h.now());
        h.poll();
        LeastLoadedNode choice = h.client.leastLoaded(h.now());
        assertThat(choice.node()).isEqualTo(BROKER_2);
        assertThat(choice.anyConnectionReady()).isTrue();
    }

    @Test
    void shouldPreferAConnectionBeingSetUpToOpeningAnother() {
        h.client.ready(BROKER_3, h.now());
        assertThat(h.client.leastLoadedNode(h.now())).isEqualTo(BROKER_3);
        assertThat(h.client.isAnyNodeConnecting()).isTrue();
    }

    @Test
    void shouldPickTheConnectableBrokerTriedLongestAgoAndNoneWhileAllBackOff() {
        for (var node : new io.sluice.api.Node[] {BROKER_2, BROKER_1}) {
            h.client.ready(node, h.now());
            h.transport.peerClose(node.id(), new ConnectException("Connection refused"));
            h.poll();
            h.time.advance(10);
        }
        assertThat(h.client.leastLoadedNode(h.now())).as("broker 3 was never tried").isEqualTo(BROKER_3);
        h.client.ready(BROKER_3, h.now());
        h.transport.peerClose(3, new ConnectException("Connection refused"));
        h.poll();

        LeastLoadedNode none = h.client.leastLoaded(h.now());
        assertThat(none.node()).isNull();
        assertThat(none.hasNodeOrReadyConnection()).isFalse();

        h.time.advance(40);
        assertThat(h.client.leastLoadedNode(h.now())).as("broker 2 failed first").isEqualTo(BROKER_2);
    }
}
