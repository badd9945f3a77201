/**
 * Runnable examples of Sluice on the module path. The examples require only {@code io.sluice.core}
 * (which brings {@code io.sluice.api}); codecs, partitioners and the transport are found at run
 * time through the SPIs, from whatever modules are on the module path.
 */
module io.sluice.examples {
    requires io.sluice.core;
}
