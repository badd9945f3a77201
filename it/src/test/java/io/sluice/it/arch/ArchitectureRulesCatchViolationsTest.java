package io.sluice.it.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.sluice.api.archfixture.ApiLeaningOnCore;
import io.sluice.codec.archfixture.FixtureCodec;
import io.sluice.core.archfixture.CoreLeaningOnACodec;
import io.sluice.core.archfixture.CoreUsingKafka;
import io.sluice.core.fixturea.CycleA;
import io.sluice.core.fixtureb.CycleB;
import io.sluice.partitioners.archfixture.PartitionerLeaningOnACodec;
import org.junit.jupiter.api.Test;

/**
 * A rule that cannot fail protects nothing: each rule of {@link SluiceArchitecture} is run against
 * test-only fixture classes that break it on purpose, and must report the violation.
 */
class ArchitectureRulesCatchViolationsTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return rule.evaluate(imported);
    }

    @Test
    void apiRuleCatchesAnApiClassUsingCore() {
        EvaluationResult result = evaluate(SluiceArchitecture.API_DEPENDS_ON_THE_JDK_ONLY, ApiLeaningOnCore.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("io.sluice.core.Producers");
    }

    @Test
    void coreRuleCatchesCoreUsingAPluginModule() {
        EvaluationResult result = evaluate(SluiceArchitecture.CORE_NEVER_DEPENDS_ON_A_PLUGIN_MODULE, CoreLeaningOnACodec.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("FixtureCodec");
    }

    @Test
    void pluginRuleCatchesAPluginUsingCore() {
        EvaluationResult result = evaluate(SluiceArchitecture.PLUGINS_SEE_ONLY_THE_API, FixtureCodec.class);
        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void pluginIndependenceRuleCatchesOnePluginUsingAnother() {
        EvaluationResult result = evaluate(SluiceArchitecture.PLUGINS_DO_NOT_DEPEND_ON_EACH_OTHER,
                PartitionerLeaningOnACodec.class, FixtureCodec.class);
        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void kafkaRuleCatchesMainCodeUsingApacheKafka() {
        EvaluationResult result = evaluate(SluiceArchitecture.PUBLISHED_MAIN_CODE_NEVER_USES_APACHE_KAFKA, CoreUsingKafka.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("org.apache.kafka.common.utils.Utils");
    }

    @Test
    void cycleRuleCatchesAPackageCycleInCore() {
        EvaluationResult result = evaluate(SluiceArchitecture.CORE_PACKAGES_ARE_FREE_OF_CYCLES, CycleA.class, CycleB.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("fixturea").contains("fixtureb");
    }
}
