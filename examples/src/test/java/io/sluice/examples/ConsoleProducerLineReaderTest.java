package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.Header;
import io.sluice.api.ProducerRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line syntax of Kafka's {@code LineMessageReader}, property by property. */
class ConsoleProducerLineReaderTest {

    private static ConsoleProducerLineReader reader(String... props) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < props.length; i += 2) {
            map.put(props[i], props[i + 1]);
        }
        return new ConsoleProducerLineReader("t", map);
    }

    private static String str(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> headers(ProducerRecord<byte[], byte[]> r) {
        List<String> out = new ArrayList<>();
        for (Header h : r.headers()) {
            out.add(h.key() + "=" + str(h.value()));
        }
        return out;
    }

    @Test
    void withoutPropertiesTheWholeLineIsTheValueAndTheKeyIsNull() {
        ProducerRecord<byte[], byte[]> r = reader().read("a\tb:c,d");
        assertThat(r.topic()).isEqualTo("t");
        assertThat(r.key()).isNull();
        assertThat(str(r.value())).isEqualTo("a\tb:c,d");
        assertThat(headers(r)).isEmpty();
    }

    @Test
    void parseKeySplitsAtTheFirstTabByDefaultAndAtKeySeparatorWhenSet() {
        ProducerRecord<byte[], byte[]> r = reader("parse.key", "true").read("k1\tv1\tmore");
        assertThat(str(r.key())).isEqualTo("k1");
        assertThat(str(r.value())).isEqualTo("v1\tmore");
        ProducerRecord<byte[], byte[]> s = reader("parse.key", "TRUE ", "key.separator", "::").read("k::v::w");
        assertThat(str(s.key())).isEqualTo("k");
        assertThat(str(s.value())).isEqualTo("v::w");
        assertThat(str(reader("parse.key", "true").read("\tv").key())).as("an empty key is a key").isEmpty();
    }

    @Test
    void headersComeFirstThenTheKeyThenTheValue() {
        ProducerRecord<byte[], byte[]> r = reader("parse.key", "true", "parse.headers", "true")
                .read("h1:v1,h2:v:2,h3:\tkey\tvalue");
        assertThat(headers(r)).containsExactly("h1=v1", "h2=v:2", "h3=");
        assertThat(str(r.key())).isEqualTo("key");
        assertThat(str(r.value())).isEqualTo("value");
        ProducerRecord<byte[], byte[]> onlyHeaders = reader("parse.headers", "true").read("a:1,a:2\tvalue");
        assertThat(headers(onlyHeaders)).as("repeated header keys stay, in order").containsExactly("a=1", "a=2");
        assertThat(onlyHeaders.key()).isNull();
    }

    @Test
    void headerSeparatorsAreConfigurableAndTheHeadersSeparatorIsARegularExpressionAsInKafka() {
        ProducerRecord<byte[], byte[]> r = reader("parse.headers", "true", "parse.key", "true", "headers.delimiter", "|",
                "headers.separator", ";\\s*", "headers.key.separator", "=").read("a=1;  b=2|k\tv");
        assertThat(headers(r)).containsExactly("a=1", "b=2");
        assertThat(str(r.key())).isEqualTo("k");
    }

    @Test
    void theNullMarkerMakesKeyValueAndHeaderValuesNullAndAHeaderSectionEmpty() {
        ConsoleProducerLineReader reader = reader("parse.key", "true", "parse.headers", "true", "null.marker", "<null>");
        ProducerRecord<byte[], byte[]> r = reader.read("h:<null>\t<null>\t<null>");
        assertThat(r.key()).isNull();
        assertThat(r.value()).isNull();
        assertThat(headers(r)).containsExactly("h=null");
        assertThat(headers(reader.read("<null>\tk\tv"))).isEmpty();
        assertThatThrownBy(() -> reader.read("<null>:x\tk\tv"))
                .hasMessageContaining("Header keys should not be equal to the null marker '<null>'")
                .hasMessageContaining("line number 3");
    }

    @Test
    void aLineWithoutTheAnnouncedSeparatorFailsNamingTheLineUnlessIgnoreErrorIsSet() {
        ConsoleProducerLineReader strict = reader("parse.key", "true");
        strict.read("k\tv");
        assertThatThrownBy(() -> strict.read("no-separator"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No key separator found on line number 2: 'no-separator'")
                .hasMessageContaining("parse.key=false")
                .hasMessageContaining("ignore.error=true");
        assertThatThrownBy(() -> reader("parse.headers", "true").read("h1v1\tvalue"))
                .hasMessageContaining("No header key separator found in pair 'h1v1' on line number 1");

        ConsoleProducerLineReader lenient = reader("parse.key", "true", "parse.headers", "true", "ignore.error", "true");
        ProducerRecord<byte[], byte[]> r = lenient.read("just-a-value");
        assertThat(r.key()).isNull();
        assertThat(str(r.value())).isEqualTo("just-a-value");
        assertThat(headers(lenient.read("novalue\tk\tv"))).containsExactly("novalue=null");
    }

    @Test
    void separatorsThatWouldBeAmbiguousAreRefusedAsInKafka() {
        assertThatThrownBy(() -> reader("headers.delimiter", ",")).hasMessage(
                "headers.delimiter and headers.separator may not be equal (both are ',')");
        assertThatThrownBy(() -> reader("headers.separator", ":")).hasMessageContaining(
                "headers.separator and headers.key.separator may not be equal");
        assertThatThrownBy(() -> reader("null.marker", "\t")).hasMessage(
                "null.marker and key.separator may not be equal (both are '\\t')");
    }
}
