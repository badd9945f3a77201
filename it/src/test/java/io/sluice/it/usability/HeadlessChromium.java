package io.sluice.it.usability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a real browser for checking what a page renders: its DOM after loading, and a
 * screenshot. Each call starts a fresh browser with its own profile directory and everything that reaches out
 * to the network switched off. Stateless apart from the profile root it is given.
 *
 * <p>A missing browser fails the test with what to install: a skipped browser test would look green.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("SLUICE_CHROMIUM", "/usr/bin/chromium"));

    private final Path profiles;

    /** @param profiles where fresh profile directories are made (a test's temporary directory) */
    HeadlessChromium(Path profiles) {
        this.profiles = profiles;
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError("This test renders the tuning report in a real browser and needs Chromium at "
                    + BINARY + ", which is missing. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), "
                    + "or run the tests with bin/sluice-test, which installs it; SLUICE_CHROMIUM=/path/to/chromium "
                    + "names another binary.");
        }
    }

    /** The page's DOM as Chromium serializes it after loading. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()), null);
    }

    /** A PNG screenshot of the page in a window of the given size. */
    Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png,
                page.toUri().toString()), png);
        return png;
    }

    private String run(List<String> args, Path expectedFile) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(profiles, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path out = Files.createTempFile(profiles, "chromium", ".out");
        Path err = Files.createTempFile(profiles, "chromium", ".err");
        Process process = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s: " + cmd + "\n" + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || (expectedFile != null && !Files.exists(expectedFile))) {
            throw new AssertionError("Chromium failed (exit " + process.exitValue() + "): " + cmd + "\n--- stdout\n"
                    + stdout + "\n--- stderr\n" + Files.readString(err));
        }
        return stdout;
    }
}
