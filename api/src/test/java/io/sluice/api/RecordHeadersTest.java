package io.sluice.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordHeadersTest {

    @Test
    void emptyHeadersAnswerEveryReadAndAcceptRemoveBeforeTheFirstAdd() {
        RecordHeaders headers = new RecordHeaders();

        headers.remove("absent");

        assertThat(headers.size()).isZero();
        assertThat(headers.toArray()).isEmpty();
        assertThat(headers.lastHeader("k")).isNull();
        assertThat(headers.headers("k")).isEmpty();
        assertThat(headers.iterator().hasNext()).isFalse();
    }

    @Test
    void headersAddedAfterCreationKeepTheirOrderAndCanBeRemovedByKey() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("a", "1".getBytes(UTF_8)).add("b", "2".getBytes(UTF_8)).add("a", "3".getBytes(UTF_8));

        assertThat(headers.lastHeader("a").value()).isEqualTo("3".getBytes(UTF_8));
        assertThat(headers.get(1).key()).isEqualTo("b");

        headers.remove("a");

        assertThat(headers.toArray()).extracting(Header::key).containsExactly("b");
    }

    @Test
    void twoEmptyHeadersDoNotShareWhatIsAddedToOne() {
        RecordHeaders first = new RecordHeaders();
        RecordHeaders second = new RecordHeaders();

        first.add("only-here", new byte[] {1});

        assertThat(first.size()).isEqualTo(1);
        assertThat(second.size()).isZero();
    }

    @Test
    void emptyHeadersOfASentRecordRefuseAdds() {
        RecordHeaders headers = new RecordHeaders();
        headers.setReadOnly();

        assertThatThrownBy(() -> headers.add("k", new byte[0]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
    }
}
