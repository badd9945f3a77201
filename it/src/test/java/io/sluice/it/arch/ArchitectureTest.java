package io.sluice.it.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of {@link SluiceArchitecture} over the main (non-test) classes of every Sluice module. */
@AnalyzeClasses(packages = "io.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiDependsOnTheJdkOnly = SluiceArchitecture.API_DEPENDS_ON_THE_JDK_ONLY;

    @ArchTest
    static final ArchRule coreNeverDependsOnAPluginModule = SluiceArchitecture.CORE_NEVER_DEPENDS_ON_A_PLUGIN_MODULE;

    @ArchTest
    static final ArchRule pluginsSeeOnlyTheApi = SluiceArchitecture.PLUGINS_SEE_ONLY_THE_API;

    @ArchTest
    static final ArchRule pluginsDoNotDependOnEachOther = SluiceArchitecture.PLUGINS_DO_NOT_DEPEND_ON_EACH_OTHER;

    @ArchTest
    static final ArchRule publishedMainCodeNeverUsesApacheKafka = SluiceArchitecture.PUBLISHED_MAIN_CODE_NEVER_USES_APACHE_KAFKA;

    @ArchTest
    static final ArchRule corePackagesAreFreeOfCycles = SluiceArchitecture.CORE_PACKAGES_ARE_FREE_OF_CYCLES;

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = SluiceArchitecture.MODULES_ARE_FREE_OF_CYCLES;
}
