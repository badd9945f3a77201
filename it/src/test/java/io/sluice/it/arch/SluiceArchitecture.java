package io.sluice.it.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The module rules of DESIGN.md as ArchUnit rules. Each rule reads as a sentence and says why.
 * {@link ArchitectureTest} checks them against the real modules; {@link ArchitectureRulesCatchViolationsTest}
 * proves each one fails when broken.
 */
final class SluiceArchitecture {

    static final String API = "io.sluice.api..";
    static final String CORE = "io.sluice.core..";
    static final String CODECS = "io.sluice.codec..";
    static final String PARTITIONERS = "io.sluice.partitioners..";
    static final String TRANSPORT = "io.sluice.transport..";
    static final String EXAMPLES = "io.sluice.examples..";

    static final ArchRule API_DEPENDS_ON_THE_JDK_ONLY = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideOutsideOfPackages(API, "java..")
            .because("io.sluice.api requires java.base only, so plugins pull in nothing of the producer");

    static final ArchRule CORE_NEVER_DEPENDS_ON_A_PLUGIN_MODULE = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(CODECS, PARTITIONERS, TRANSPORT)
            .because("core finds plugins through ServiceLoader only; a user picks which plugin modules to ship");

    static final ArchRule PLUGINS_SEE_ONLY_THE_API = noClasses()
            .that().resideInAnyPackage(CODECS, PARTITIONERS, TRANSPORT)
            .should().dependOnClassesThat().resideInAnyPackage(CORE, EXAMPLES)
            .because("plugins implement SPIs from io.sluice.api and must work with any core version");

    static final ArchRule PLUGINS_DO_NOT_DEPEND_ON_EACH_OTHER = slices()
            .assignedFrom(new PluginModuleSlices())
            .should().notDependOnEachOther()
            .because("each plugin module stands alone: a user may put any subset on the module path");

    static final ArchRule PUBLISHED_MAIN_CODE_NEVER_USES_APACHE_KAFKA = noClasses()
            .that().resideInAnyPackage(API, CORE, CODECS, PARTITIONERS, TRANSPORT, EXAMPLES)
            .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
            .because("Kafka's artifacts appear only in testkit, bench and test scope: Sluice speaks the protocol itself");

    static final ArchRule CORE_PACKAGES_ARE_FREE_OF_CYCLES = slices()
            .matching("io.sluice.core.(*)..")
            .should().beFreeOfCycles()
            .because("core's packages are the stations of the pipeline; a cycle would tangle them");

    static final ArchRule MODULES_ARE_FREE_OF_CYCLES = slices()
            .matching("io.sluice.(*)..")
            .should().beFreeOfCycles()
            .because("the module graph is a DAG: api <- core, api <- plugins");

    private SluiceArchitecture() {
    }

    /** One slice per plugin module: io.sluice.codec.gzip, io.sluice.codec.lz4, ..., io.sluice.partitioners, io.sluice.transport.nio. */
    static final class PluginModuleSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String[] parts = javaClass.getPackageName().split("\\.");
            if (parts.length >= 4 && parts[0].equals("io") && parts[1].equals("sluice")
                    && (parts[2].equals("codec") || parts[2].equals("transport"))) {
                return SliceIdentifier.of(parts[2] + "." + parts[3]);
            }
            if (parts.length >= 3 && parts[0].equals("io") && parts[1].equals("sluice") && parts[2].equals("partitioners")) {
                return SliceIdentifier.of("partitioners");
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "plugin modules (io.sluice.codec.*, io.sluice.partitioners, io.sluice.transport.*)";
        }
    }
}
