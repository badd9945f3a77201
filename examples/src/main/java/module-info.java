/** Runnable examples of Sluice on the module path. */
module io.sluice.examples {
    requires io.sluice.core;
}
