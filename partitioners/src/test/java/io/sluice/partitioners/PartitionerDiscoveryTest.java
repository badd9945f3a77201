package io.sluice.partitioners;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.spi.Partitioner;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PartitionerDiscoveryTest {

    @Test
    void shouldFindEveryPartitionerByShortNameThroughServiceLoaderOnTheModulePath() {
        Module module = getClass().getModule();
        assertThat(module.isNamed()).as("tests run on the module path, inside io.sluice.partitioners").isTrue();
        module.addUses(Partitioner.class);  // the test stands in for io.sluice.core, which declares `uses`

        List<String> names = ServiceLoader.load(Partitioner.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(Partitioner::name)
                .collect(Collectors.toList());

        assertThat(names).containsExactlyInAnyOrder("round-robin", "consistent-hash", "header");
    }

    @Test
    void shouldListTheSameProvidersInMetaInfServicesAsInTheModuleDescriptor() throws Exception {
        ModuleDescriptor descriptor = getClass().getModule().getDescriptor();
        List<String> provided = descriptor.provides().stream()
                .filter(p -> p.service().equals(Partitioner.class.getName()))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toList());

        assertThat(servicesFileLines()).as("META-INF/services, for the class path").containsExactlyElementsOf(provided);
        assertThat(descriptor.exports()).as("a provider module exports nothing").isEmpty();
    }

    private List<String> servicesFileLines() throws Exception {
        try (InputStream in = getClass().getModule().getResourceAsStream("META-INF/services/" + Partitioner.class.getName())) {
            assertThat(in).as("META-INF/services file").isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        }
    }
}
