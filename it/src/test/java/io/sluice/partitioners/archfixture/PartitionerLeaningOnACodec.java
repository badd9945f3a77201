package io.sluice.partitioners.archfixture;

/** A deliberate violation, only for ArchitectureRulesCatchViolationsTest: plugins must not use each other. */
public final class PartitionerLeaningOnACodec {
    public Object leak() {
        return new io.sluice.codec.archfixture.FixtureCodec();
    }
}
