package io.sluice.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionTableTest {

    private final ConnectionTable table = new ConnectionTable();
    private final List<SocketChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() throws IOException {
        for (SocketChannel channel : channels) {
            channel.close();
        }
    }

    private Connection connection(int id) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channels.add(channel);
        return new Connection(id, new InetSocketAddress(InetAddress.getLoopbackAddress(), 9092), channel,
                new PlaintextLayer(channel), new FrameWriter(),
                new FrameReader(ByteBuffer.allocate(16), new ReceiveBufferPool(), 16));
    }

    @Test
    void shouldFindWhatWasAddedUntilItIsRemoved() throws IOException {
        Connection broker = connection(1001);
        Connection bootstrap = connection(-1);

        table.add(broker);
        table.add(bootstrap);

        assertThat(table.get(1001)).isSameAs(broker);
        assertThat(table.get(-1)).isSameAs(bootstrap);
        assertThat(table.get(7)).isNull();
        assertThat(table.remove(broker)).isTrue();
        assertThat(table.remove(broker)).isFalse();
        assertThat(table.get(1001)).isNull();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void shouldRemoveOnlyTheSameConnectionNotANewOneWithTheId() throws IOException {
        Connection old = connection(5);
        table.add(old);
        table.remove(old);
        Connection current = connection(5);
        table.add(current);

        assertThat(table.remove(old)).isFalse();
        assertThat(table.get(5)).isSameAs(current);
    }

    @Test
    void shouldRefuseAnIdTwice() throws IOException {
        table.add(connection(3));

        assertThatThrownBy(() -> table.add(connection(3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldAgreeWithAHashMapThroughRandomAddsAndRemoves() throws IOException {
        Random random = new Random(7);
        Map<Integer, Connection> model = new HashMap<>();
        Connection[] pool = new Connection[200];
        for (int i = 0; i < pool.length; i++) {
            // Ids that collide in a small table: multiples of 16 and 32, negatives, broker-style ids.
            int id = switch (i % 4) {
                case 0 -> i * 16;
                case 1 -> -i;
                case 2 -> 1000 + i;
                default -> i * 32 + 1;
            };
            pool[i] = connection(id);
        }
        for (int step = 0; step < 20_000; step++) {
            Connection c = pool[random.nextInt(pool.length)];
            if (model.containsKey(c.id())) {
                assertThat(table.remove(c)).isTrue();
                model.remove(c.id());
            } else {
                table.add(c);
                model.put(c.id(), c);
            }
            if (step % 97 == 0) {
                for (Connection probe : pool) {
                    assertThat(table.get(probe.id())).isSameAs(model.get(probe.id()));
                }
            }
        }
        assertThat(table.size()).isEqualTo(model.size());
        assertThat(table.all()).containsExactlyInAnyOrderElementsOf(model.values());
        table.clear();
        assertThat(table.all()).isEmpty();
        assertThat(table.get(pool[0].id())).isNull();
    }
}
