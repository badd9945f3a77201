package io.sluice.core.fixtureb;

/** The other half of a deliberate package cycle, only for ArchitectureRulesCatchViolationsTest. */
public final class CycleB {
    public io.sluice.core.fixturea.CycleA back() {
        return new io.sluice.core.fixturea.CycleA();
    }
}
