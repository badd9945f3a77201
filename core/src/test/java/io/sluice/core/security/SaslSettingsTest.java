package io.sluice.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SaslSettingsTest {

    private static final String PLAIN_JAAS = SaslSettings.PLAIN_LOGIN_MODULE + " required username=\"alice\" password=\"hunter2\";";
    private static final String SCRAM_JAAS = SaslSettings.SCRAM_LOGIN_MODULE + " required username=\"bob\" password=\"hunter2\";";

    @Test
    void shouldLogInWithThePlainModulesCredentials() {
        SaslSettings settings = SaslSettings.from("SASL_SSL", "PLAIN", true, PLAIN_JAAS);

        SaslClient client = settings.newClient();

        assertThat(settings.mechanism()).isEqualTo(SaslMechanism.PLAIN);
        assertThat(client.initialResponse()).isEqualTo("\0alice\0hunter2".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldTakeTheMechanismFromSaslMechanismAsKafkaDoes() {
        SaslSettings sha512 = SaslSettings.from("SASL_SSL", "SCRAM-SHA-512", true, SCRAM_JAAS);
        SaslSettings lowerCase = SaslSettings.from("SASL_SSL", "scram-sha-256", true, SCRAM_JAAS);
        // Kafka's login modules only supply credentials: a SCRAM module's user can log in with PLAIN
        SaslSettings plainWithScramModule = SaslSettings.from("SASL_SSL", "PLAIN", true, SCRAM_JAAS);

        assertThat(sha512.newClient().mechanismName()).isEqualTo("SCRAM-SHA-512");
        assertThat(lowerCase.newClient().mechanismName()).isEqualTo("SCRAM-SHA-256");
        assertThat(plainWithScramModule.newClient().initialResponse()).isEqualTo("\0bob\0hunter2".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldGiveEachAuthenticationAFreshClient() {
        SaslSettings settings = SaslSettings.from("SASL_PLAINTEXT", "SCRAM-SHA-256", true, SCRAM_JAAS);

        assertThat(settings.newClient()).isNotSameAs(settings.newClient());
    }

    @Test
    void shouldCarryTheTokenAuthOptionAsAScramExtension() {
        SaslSettings settings = SaslSettings.from("SASL_SSL", "SCRAM-SHA-256", true,
                SaslSettings.SCRAM_LOGIN_MODULE + " required username=\"tid\" password=\"hmac\" tokenauth=\"true\";");

        assertThat(new String(settings.newClient().initialResponse(), StandardCharsets.UTF_8)).endsWith(",tokenauth=true");
    }

    @Test
    void shouldRefuseKafkasDefaultGssapiNamingTheMechanismTheModuleSuggests() {
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "GSSAPI", false, PLAIN_JAAS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("sasl.mechanism=GSSAPI (Kafka's default, as sasl.mechanism is not set) is not supported by Sluice "
                        + "yet; Sluice supports PLAIN, SCRAM-SHA-256, SCRAM-SHA-512. sasl.jaas.config names PlainLoginModule: "
                        + "set sasl.mechanism=PLAIN.")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("sasl.mechanism"));
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "GSSAPI", false, SCRAM_JAAS))
                .hasMessageEndingWith("sasl.jaas.config names ScramLoginModule: set sasl.mechanism=SCRAM-SHA-256 or "
                        + "SCRAM-SHA-512, as the broker's user was created.");
    }

    @Test
    void shouldRefuseOauthBearerAndUnknownMechanisms() {
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "OAUTHBEARER", true, PLAIN_JAAS))
                .hasMessageStartingWith("sasl.mechanism=OAUTHBEARER is not supported by Sluice yet; Sluice supports PLAIN, ");
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "SCRAM-SHA-1", true, PLAIN_JAAS))
                .hasMessageStartingWith("sasl.mechanism=SCRAM-SHA-1 is not a SASL mechanism Sluice knows; Sluice supports ");
    }

    @Test
    void shouldAskForSaslJaasConfigWhenMissing() {
        assertThatThrownBy(() -> SaslSettings.from("SASL_PLAINTEXT", "PLAIN", true, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("security.protocol=SASL_PLAINTEXT needs sasl.jaas.config with the user to log in as, "
                        + "e.g. sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required")
                .hasMessageEndingWith("Sluice does not read JAAS files (java.security.auth.login.config).")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("sasl.jaas.config"));
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "PLAIN", true, "  "))
                .hasMessageStartingWith("security.protocol=SASL_SSL needs sasl.jaas.config");
    }

    @Test
    void shouldRefuseLoginModulesSluiceCannotUse() {
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "PLAIN", true,
                "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true;"))
                .hasMessageStartingWith("sasl.jaas.config names the login module com.sun.security.auth.module.Krb5LoginModule, "
                        + "which Sluice does not support; use org.apache.kafka.common.security.plain.PlainLoginModule");
    }

    @Test
    void shouldAskForAMissingUserNameOrPassword() {
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "PLAIN", true, SaslSettings.PLAIN_LOGIN_MODULE + " required password=\"x\";"))
                .hasMessage("sasl.jaas.config: the login module " + SaslSettings.PLAIN_LOGIN_MODULE
                        + " has no username option; add username=\"...\" before the closing ';'.");
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "PLAIN", true, SaslSettings.PLAIN_LOGIN_MODULE + " required username=\"x\";"))
                .hasMessageContaining("has no password option");
    }

    @Test
    void shouldRefuseTokenAuthWithPlain() {
        assertThatThrownBy(() -> SaslSettings.from("SASL_SSL", "PLAIN", true,
                SaslSettings.SCRAM_LOGIN_MODULE + " required username=\"t\" password=\"h\" tokenauth=true;"))
                .hasMessageContaining("sets tokenauth=true (a delegation token), which only SCRAM carries, but sasl.mechanism=PLAIN");
    }

    @Test
    void shouldNeverShowCredentials() {
        SaslSettings settings = SaslSettings.from("SASL_SSL", "PLAIN", true, PLAIN_JAAS);

        assertThat(settings.toString()).isEqualTo("SaslSettings[mechanism=PLAIN, credentials hidden]");
    }
}
