package io.sluice.core.fixturea;

/** A deliberate package cycle (fixturea -> fixtureb -> fixturea), only for ArchitectureRulesCatchViolationsTest. */
public final class CycleA {
    public io.sluice.core.fixtureb.CycleB next() {
        return new io.sluice.core.fixtureb.CycleB();
    }
}
