package io.sluice.partitioners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class KeyHashTest {

    @Test
    void shouldMatchKafkasGoldenVectors() {
        assertThat(KeyHash.murmur2(utf8("21"))).isEqualTo(-973932308);
        assertThat(KeyHash.murmur2(utf8("foobar"))).isEqualTo(-790332482);
        assertThat(KeyHash.murmur2(utf8("a-little-bit-long-string"))).isEqualTo(-985981536);
        assertThat(KeyHash.murmur2(utf8("a-little-bit-longer-string"))).isEqualTo(-1486304829);
        assertThat(KeyHash.murmur2(utf8("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"))).isEqualTo(-58897971);
        assertThat(KeyHash.murmur2(new byte[] {'a', 'b', 'c'})).isEqualTo(479470107);
    }

    @Test
    void shouldHashAndPartitionRandomKeysExactlyAsTheOfficialClient() {
        SplittableRandom random = new SplittableRandom(4242);
        for (int i = 0; i < 20_000; i++) {
            byte[] key = new byte[random.nextInt(40)];
            random.nextBytes(key);
            assertThat(KeyHash.murmur2(key)).isEqualTo(Utils.murmur2(key));
            int n = 1 + random.nextInt(100);
            assertThat(KeyHash.partitionFor(key, n)).isEqualTo(BuiltInPartitioner.partitionForKey(key, n));
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
