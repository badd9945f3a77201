package io.sluice.api.archfixture;

/** A deliberate violation, only for ArchitectureRulesCatchViolationsTest: api must not use core. */
public final class ApiLeaningOnCore {
    public Object leak() {
        return io.sluice.core.Producers.availablePlugins();
    }
}
