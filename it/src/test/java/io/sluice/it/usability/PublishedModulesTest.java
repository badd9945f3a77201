package io.sluice.it.usability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The modular shape users rely on, checked on what the build produced (the root pom's Enforcer rules
 * check the sources and the Maven dependencies): every published module is a named module with its
 * own descriptor, not an automatic one, and the minimal set (api, core, transport-nio) requires nothing
 * beyond the JDK, each other and {@code org.slf4j}. A new reactor module with main code must be a
 * named module too, unless it is one of the class-path-only ones.
 */
class PublishedModulesTest {

    /** Reactor folder → JPMS module of every published module. */
    private static final Map<String, String> PUBLISHED = Map.of(
            "api", "io.sluice.api",
            "core", "io.sluice.core",
            "transport-nio", "io.sluice.transport.nio",
            "codecs/gzip", "io.sluice.codec.gzip",
            "codecs/snappy", "io.sluice.codec.snappy",
            "codecs/lz4", "io.sluice.codec.lz4",
            "codecs/zstd", "io.sluice.codec.zstd",
            "partitioners", "io.sluice.partitioners",
            "examples", "io.sluice.examples",
            "examples/custom-partitioner", "io.sluice.examples.partitioner");
    /** Reactor modules that live on the class path by design (Kafka's broker jars are no modules; tests; benchmarks). */
    private static final Set<String> CLASS_PATH_ONLY = Set.of("testkit", "bench", "it", "bom");

    private final SluiceScripts build = new SluiceScripts();

    @Test
    void everyPublishedArtifactIsANamedModuleWithItsOwnDescriptor() {
        for (String module : PUBLISHED.values()) {
            ModuleDescriptor descriptor = descriptorOf(module);
            assertThat(descriptor.isAutomatic()).as(module + " in " + build.entryOf(module)).isFalse();
            assertThat(descriptor.name()).isEqualTo(module);
        }
    }

    @Test
    void theMinimalSetRequiresOnlyTheJdkEachOtherAndSlf4j() {
        assertThat(requires("io.sluice.api")).allMatch(r -> r.equals("java.base"));
        assertThat(requires("io.sluice.core")).allMatch(r -> r.startsWith("java.") || r.equals("io.sluice.api")
                || r.equals("org.slf4j")).contains("io.sluice.api", "org.slf4j", "java.management");
        assertThat(requires("io.sluice.transport.nio")).allMatch(r -> r.startsWith("java.") || r.equals("io.sluice.api")
                || r.equals("org.slf4j"));
    }

    @Test
    void everyReactorModuleWithMainCodeIsANamedModuleUnlessItIsClassPathOnly() throws Exception {
        List<String> reactor = reactorModules(build.root(), "");
        assertThat(reactor).containsAll(PUBLISHED.keySet());
        List<String> unexpected = new ArrayList<>();
        for (String folder : reactor) {
            Path main = build.root().resolve(folder).resolve("src/main/java");
            if (Files.isDirectory(main) && !CLASS_PATH_ONLY.contains(folder)) {
                if (!Files.exists(main.resolve("module-info.java")) || !PUBLISHED.containsKey(folder)) {
                    unexpected.add(folder);
                }
            }
        }
        assertThat(unexpected).as("modules with main code that are not listed here as published named modules "
                + "(add module-info.java and list them in PUBLISHED and in the root pom's enforce-module-descriptors)")
                .isEmpty();
    }

    private ModuleDescriptor descriptorOf(String module) {
        ModuleReference ref = ModuleFinder.of(build.entryOf(module)).find(module).orElseThrow();
        return ref.descriptor();
    }

    private Set<String> requires(String module) {
        return descriptorOf(module).requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
    }

    /** The folders of the reactor, from the {@code <module>} lists of the root pom and its aggregators. */
    private static List<String> reactorModules(Path root, String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve(prefix).resolve("pom.xml")));
        while (m.find()) {
            String folder = prefix.isEmpty() ? m.group(1).trim() : prefix + "/" + m.group(1).trim();
            out.add(folder);
            out.addAll(reactorModules(root, folder));
        }
        return out;
    }
}
