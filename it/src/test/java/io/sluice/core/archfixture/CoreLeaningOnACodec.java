package io.sluice.core.archfixture;

/** A deliberate violation, only for ArchitectureRulesCatchViolationsTest: core must not use a codec module. */
public final class CoreLeaningOnACodec {
    public Object leak() {
        return new io.sluice.codec.archfixture.FixtureCodec();
    }
}
