package io.sluice.codec.zstd;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.util.Native;
import io.sluice.api.errors.ConfigException;

/**
 * Whether zstd-jni's native library loads on this platform, checked once per JVM on first need
 * (never when {@code ServiceLoader} merely instantiates the provider, so an unusable zstd module
 * on the path does not disturb producers that use another codec).
 *
 * <p>Immutable: the outcome is computed once by the class-holder idiom and never changes, as a
 * native library, once loaded or failed, stays so for the JVM's life.
 */
final class ZstdNativeLibrary {

    private ZstdNativeLibrary() {
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

    /** The failure to load, or {@code null} if zstd-jni works here. */
    static Throwable failure() {
        return Probe.FAILURE;
    }

    /** Says which codec, which platform, what failed, and what to do about it. */
    static String unavailableMessage(String osName, String osArch, Throwable cause) {
        return "compression.type=zstd cannot be used on this platform (os.name=" + osName + ", os.arch=" + osArch
                + "): zstd-jni" + libraryVersion() + " failed to load its native library: " + describe(cause)
                + ". Use compression.type=lz4 or compression.type=gzip instead (lz4-java falls back to pure Java and "
                + "gzip is the JDK's), or make zstd-jni load: it unpacks its bundled library into java.io.tmpdir, "
                + "which must allow executing files (not mounted noexec; pick another directory with "
                + "-DZstdTempFolder=<dir>), or build libzstd-jni for this platform and name the file with "
                + "-DZstdNativePath=<file>.";
    }

    /** The error and its causes on one line (zstd-jni's own messages span several). */
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
        Module module = Native.class.getModule();
        if (module.isNamed() && module.getDescriptor() != null) {
            return module.getDescriptor().rawVersion().map(v -> " " + v).orElse("");
        }
        return "";
    }

    private static final class Probe {
        static final Throwable FAILURE = probe();

        private static Throwable probe() {
            try {
                Native.load();
                // a native call proves the library is not only found but linked
                Zstd.defaultCompressionLevel();
                return null;
            } catch (LinkageError | RuntimeException e) {
                // UnsatisfiedLinkError (not found, wrong architecture, noexec temp dir),
                // ExceptionInInitializerError (unpacking failed), NoClassDefFoundError (an earlier failure)
                return e;
            }
        }
    }
}
