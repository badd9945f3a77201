package io.sluice.codec.snappy;

import io.sluice.api.errors.ConfigException;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyError;

/**
 * Whether snappy-java's native library loads on this platform, checked once per JVM on first need
 * (never when {@code ServiceLoader} merely instantiates the provider, so an unusable snappy module
 * on the path does not disturb producers that use another codec). snappy-java has no pure-Java
 * fallback.
 *
 * <p>Immutable: the outcome is computed once by the class-holder idiom and never changes, as a
 * native library, once loaded or failed, stays so for the JVM's life.
 */
final class SnappyNativeLibrary {

    private SnappyNativeLibrary() {
    }

    /**
     * For use without {@code configure} (e.g. a codec used directly).
     *
     * @throws IllegalStateException with {@link #unavailableMessage} if the library cannot load
     */
    static void ensureAvailable() {
        Throwable failure = Probe.FAILURE;
        if (failure != null) {
            throw new IllegalStateException(unavailableMessage(failure), failure);
        }
    }

    /**
     * For {@code configure}: the producer's construction fails with this.
     *
     * @throws ConfigException on {@code compression.type} if the library cannot load
     */
    static void ensureConfigurable() {
        Throwable failure = Probe.FAILURE;
        if (failure != null) {
            throw configException(failure);
        }
    }

    static ConfigException configException(Throwable failure) {
        return new ConfigException("compression.type", unavailableMessage(failure), failure);
    }

    private static String unavailableMessage(Throwable failure) {
        return unavailableMessage(System.getProperty("os.name"), System.getProperty("os.arch"), failure);
    }

    /** The failure to load, or {@code null} if snappy-java works here. */
    static Throwable failure() {
        return Probe.FAILURE;
    }

    /** Says which codec, which platform, what failed, and what to do about it. */
    static String unavailableMessage(String osName, String osArch, Throwable cause) {
        return "compression.type=snappy cannot be used on this platform (os.name=" + osName + ", os.arch=" + osArch
                + "): snappy-java" + libraryVersion() + " failed to load its native library: " + describe(cause)
                + ". Use compression.type=lz4 or compression.type=gzip instead (lz4-java falls back to pure Java and "
                + "gzip is the JDK's), or make snappy-java load: it unpacks its bundled library into java.io.tmpdir, "
                + "which must allow executing files (not mounted noexec; pick another directory with "
                + "-Dorg.xerial.snappy.tempdir=<dir>), or install a libsnappyjava built for this platform and set "
                + "-Dorg.xerial.snappy.use.systemlib=true (or -Dorg.xerial.snappy.lib.path=<dir> "
                + "-Dorg.xerial.snappy.lib.name=<file>).";
    }

    /** The error and its causes on one line. */
    static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder();
        Throwable t = cause;
        for (int depth = 0; t != null && depth < 4; depth++) {
            if (depth > 0) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.toString();
    }

    private static String libraryVersion() {
        Module module = Snappy.class.getModule();
        if (module.isNamed() && module.getDescriptor() != null) {
            return module.getDescriptor().rawVersion().map(v -> " " + v).orElse("");
        }
        return "";
    }

    private static final class Probe {
        static final Throwable FAILURE = probe();

        private static Throwable probe() {
            try {
                // a native call: loads (or fails to load) the library on first use of Snappy
                Snappy.maxCompressedLength(1);
                return null;
            } catch (LinkageError | SnappyError | RuntimeException e) {
                // UnsatisfiedLinkError (not found, wrong architecture, noexec temp dir),
                // SnappyError FAILED_TO_LOAD_NATIVE_LIBRARY, NoClassDefFoundError (an earlier failure)
                return e;
            }
        }
    }
}
