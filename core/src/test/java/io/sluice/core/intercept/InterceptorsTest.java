package io.sluice.core.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.DeliveryListener;
import io.sluice.api.Headers;
import io.sluice.api.ProducerRecord;
import io.sluice.api.RecordHeaders;
import io.sluice.api.RecordMetadata;
import io.sluice.api.TopicPartition;
import io.sluice.api.spi.ProducerInterceptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterceptorsTest {

    private final List<String> calls = new ArrayList<>();
    private final RecordMetadata metadata = new RecordMetadata(new TopicPartition("t", 0), 7, 1, 1, 1);

    /** Records its calls; replaces the value on send when told to, or throws. */
    private final class Recording implements ProducerInterceptor<String, String> {
        private final String id;
        private final boolean fail;

        Recording(String id, boolean fail) {
            this.id = id;
            this.fail = fail;
        }

        @Override
        public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
            calls.add(id + ".onSend(" + record.value() + ")");
            if (fail) {
                throw new IllegalStateException(id + " fails on purpose");
            }
            return new ProducerRecord<>(record.topic(), record.key(), record.value() + "+" + id);
        }

        @Override
        public void onAcknowledgement(RecordMetadata m, Exception exception) {
            calls.add(id + ".onAcknowledgement(" + m.offset() + ")");
            if (fail) {
                throw new IllegalStateException(id + " fails on purpose");
            }
        }
    }

    @Test
    void shouldRunOnSendInOrderSkippingAFailingInterceptor() {
        Interceptors<String, String> chain = new Interceptors<>(
                List.of(new Recording("a", false), new Recording("b", true), new Recording("c", false)));

        ProducerRecord<String, String> out = chain.onSend(new ProducerRecord<>("t", "k", "v"));

        assertThat(out.value()).isEqualTo("v+a+c");
        assertThat(calls).containsExactly("a.onSend(v)", "b.onSend(v+a)", "c.onSend(v+a)");
    }

    @Test
    void shouldTellEveryInterceptorThenTheCallbackEvenIfOneThrows() {
        Interceptors<String, String> chain = new Interceptors<>(List.of(new Recording("a", true), new Recording("b", false)));
        Headers headers = new RecordHeaders();

        chain.onRecordComplete(metadata, null, headers, (m, e) -> calls.add("callback(" + m.offset() + ")"));

        assertThat(calls).containsExactly("a.onAcknowledgement(7)", "b.onAcknowledgement(7)", "callback(7)");
    }

    @Test
    void shouldSwallowAThrowingCallbackAndPassRecordsThroughWithoutInterceptors() {
        Interceptors<String, String> none = new Interceptors<>(List.of());
        ProducerRecord<String, String> record = new ProducerRecord<>("t", "k", "v");

        none.onRecordComplete(metadata, null, null, (m, e) -> {
            calls.add("callback");
            throw new IllegalStateException("a callback that throws on purpose");
        });

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.onSend(record)).isSameAs(record);
        assertThat(calls).containsExactly("callback");
    }

    @Test
    void shouldGiveInterceptorsTheMetadataOfARecordSentWithAListenerThenTellTheListener() {
        Interceptors<String, String> chain = new Interceptors<>(List.of(new Recording("a", false)));

        chain.onRecordDelivered(new Listening(false), 5, new TopicPartition("t", 2), 7, 1_000, 3, 4, null, null);

        assertThat(calls).containsExactly("a.onAcknowledgement(7)", "acknowledged(5, t-2, 7, 1000)");
    }

    @Test
    void shouldTellTheListenerOfAFailureAndSwallowAListenerThatThrows() {
        Interceptors<String, String> none = new Interceptors<>(List.of());

        none.onRecordDelivered(new Listening(true), 6, new TopicPartition("t", -1), -1, -1, -1, -1,
                new IllegalStateException("refused"), null);

        assertThat(calls).containsExactly("failed(6, t--1, refused)");
    }

    /** Records what it is told; throws afterwards when told to. */
    private final class Listening implements DeliveryListener {
        private final boolean fail;

        Listening(boolean fail) {
            this.fail = fail;
        }

        @Override
        public void onAcknowledged(long tag, TopicPartition partition, long offset, long timestamp) {
            calls.add("acknowledged(" + tag + ", " + partition + ", " + offset + ", " + timestamp + ")");
            failIfAsked();
        }

        @Override
        public void onFailed(long tag, TopicPartition partition, Exception exception) {
            calls.add("failed(" + tag + ", " + partition + ", " + exception.getMessage() + ")");
            failIfAsked();
        }

        private void failIfAsked() {
            if (fail) {
                throw new IllegalStateException("a listener that throws on purpose");
            }
        }
    }
}
