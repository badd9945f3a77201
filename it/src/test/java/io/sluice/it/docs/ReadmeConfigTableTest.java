package io.sluice.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.config.ConfigKey;
import io.sluice.api.config.ProducerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is ProducerConfig's table, rendered: this test renders it and fails,
 * printing the table to paste, when the README differs (a key added, a default changed, a doc reworded).
 */
class ReadmeConfigTableTest {

    static final String BEGIN = "<!-- config-table:begin (generated from ProducerConfig; see ReadmeConfigTableTest) -->";
    static final String END = "<!-- config-table:end -->";

    static String render() {
        StringBuilder t = new StringBuilder();
        t.append("| key | type | default | valid values | meaning |\n");
        t.append("|---|---|---|---|---|\n");
        List<ConfigKey> keys = ProducerConfig.keys();
        for (ConfigKey k : keys) {
            String dflt = !k.hasDefault() ? "(required)" : k.defaultValue() == null ? "null" : String.valueOf(k.defaultValue());
            if (dflt.isEmpty() || dflt.equals("[]")) {
                dflt = "\"\"";
            }
            t.append("| `").append(k.name()).append("` | ").append(k.type().name().toLowerCase())
                    .append(" | `").append(dflt).append("` | ").append(escape(k.validator().describe()))
                    .append(" | ").append(escape(k.doc())).append(" |\n");
        }
        return t.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }

    @Test
    void theReadmesConfigurationTableIsTheOneProducerConfigDefines() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README.md has the markers %s ... %s", BEGIN, END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String actual = text.substring(begin + BEGIN.length(), end).strip();
        String expected = render().strip();
        if (!actual.equals(expected)) {
            System.out.println("Paste this between the markers in README.md:\n" + expected);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
