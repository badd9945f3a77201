package io.sluice.codec.archfixture;

/** A deliberate violation, only for ArchitectureRulesCatchViolationsTest: a plugin must not use core. */
public final class FixtureCodec {
    public Object leak() {
        return io.sluice.core.Producers.availablePlugins();
    }
}
