package io.sluice.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JaasConfigTest {

    private static final String KEY = "sasl.jaas.config";
    private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    @Test
    void shouldReadTheUsualOneLinerOfAKafkaClient() {
        JaasConfig jaas = JaasConfig.parse(PLAIN + " required username=\"alice\" password=\"alice-secret\";", KEY);

        assertThat(jaas.loginModule()).isEqualTo(PLAIN);
        assertThat(jaas.flag()).isEqualTo("required");
        assertThat(jaas.options()).containsExactly(Map.entry("username", "alice"), Map.entry("password", "alice-secret"));
    }

    @Test
    void shouldUnescapeQuotedValuesAsKafkasParserDoes() {
        JaasConfig jaas = JaasConfig.parse(PLAIN + " required username='o\\'brien' password=\"a\\\"b\\\\c\\td\\101\\nz\";", KEY);

        assertThat(jaas.option("username")).isEqualTo("o'brien");
        assertThat(jaas.option("password")).isEqualTo("a\"b\\c\tdA\nz");
    }

    @Test
    void shouldAcceptBareWordsCommentsLineBreaksAndAnyFlagCase() {
        String text = "/* the producer's login */\n" + PLAIN + " REQUIRED // one module\n"
                + "  username=svc_orders-1 /* inline */ password=$ecret.v2\n;  // done\n";

        JaasConfig jaas = JaasConfig.parse(text, KEY);

        assertThat(jaas.flag()).isEqualTo("required");
        assertThat(jaas.options()).containsExactly(Map.entry("username", "svc_orders-1"), Map.entry("password", "$ecret.v2"));
    }

    @Test
    void shouldKeepUnicodeAndTheLastOfARepeatedOption() {
        JaasConfig jaas = JaasConfig.parse(PLAIN + " optional username=\"jürgen\" password=\"first\" password=\"пароль 2\";", KEY);

        assertThat(jaas.option("username")).isEqualTo("jürgen");
        assertThat(jaas.option("password")).isEqualTo("пароль 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        PLAIN + " required username=\"alice\" password=\"alice-secret\";",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username='bob' password='b\\'o\\\\b' tokenauth=true;",
        "/* c */ " + PLAIN + " sufficient // x\n username=u_1 password=\"p w\\\"d\";",
        PLAIN + " requisite username=\"a\\tb\" password=\"\\101\\102\\7\";",
        PLAIN + " required;"
    })
    void shouldReadEveryOptionAsKafkasOwnParserDoes(String text) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(KEY, new Password(text));
        List<AppConfigurationEntry> kafka = JaasContext.loadClientContext(configs).configurationEntries();

        JaasConfig ours = JaasConfig.parse(text, KEY);

        assertThat(kafka).hasSize(1);
        assertThat(ours.loginModule()).isEqualTo(kafka.get(0).getLoginModuleName());
        assertThat(ours.options()).isEqualTo(kafka.get(0).getOptions());
    }

    @Test
    void shouldRefuseTwoLoginModulesAsKafkaClientsDo() {
        String text = PLAIN + " required username=\"a\" password=\"x\"; " + PLAIN + " required username=\"b\" password=\"y\";";

        assertThatThrownBy(() -> JaasConfig.parse(text, KEY)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("it names 2 login modules").hasMessageContaining("a client takes exactly one")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(KEY));
    }

    @Test
    void shouldNameEachSyntaxProblemAndWhereItIs() {
        assertProblem("", "it names no login module");
        assertProblem("   // only a comment", "it names no login module");
        assertProblem(PLAIN + " required username=\"alice\" password=\"pw\"", "the entry of " + PLAIN + " does not end with ';'");
        assertProblem(PLAIN + " username=\"alice\";", "is not followed by a control flag (required, requisite, sufficient or optional) at position 57");
        assertProblem(PLAIN + " mandatory username=\"alice\";", "is not followed by a control flag");
        assertProblem(PLAIN + " required username \"alice\";", "option 'username' (position 66) is not followed by '='");
        assertProblem(PLAIN + " required username=;", "option 'username' has no value (position 75)");
        assertProblem(PLAIN + " required username=\"alice;", "the quoted value starting at position 75 is not closed with \" before the end of the text");
        assertProblem(PLAIN + " required username=\"al\nice\";", "is not closed with \" before the end of the line");
        assertProblem(PLAIN + " required /* never closed", "the comment starting at position 66 is not closed with */");
        assertProblem("\"" + PLAIN + "\" required;", "expected a login module class name at position 1");
        assertProblem(PLAIN + " required = ;", "expected an option name at position 66");
    }

    @Test
    void shouldNeverQuoteTheTextInAnErrorBecauseItHoldsPasswords() {
        assertThatThrownBy(() -> JaasConfig.parse(PLAIN + " required username=alice password=hunter2+x;", KEY))
                .hasMessageContaining("an unexpected character at position 97")
                .hasMessageContaining("quote option values")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("+x");
        assertThatThrownBy(() -> JaasConfig.parse(PLAIN + " required username=alice password=\"hunter2", KEY))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldShowOptionNamesButNeverValues() {
        JaasConfig jaas = JaasConfig.parse(PLAIN + " required username=\"alice\" password=\"hunter2\";", KEY);

        assertThat(jaas.toString()).isEqualTo("JaasConfig[" + PLAIN + " required options=[username, password]]")
                .doesNotContain("hunter2").doesNotContain("alice");
    }

    private static void assertProblem(String text, String problem) {
        assertThatThrownBy(() -> JaasConfig.parse(text, KEY))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(KEY + " is not a valid JAAS configuration: ")
                .hasMessageContaining(problem)
                .hasMessageEndingWith("Expected Kafka's syntax: <LoginModule class> required username=\"...\" password=\"...\";");
    }
}
