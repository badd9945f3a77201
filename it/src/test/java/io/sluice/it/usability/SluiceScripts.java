package io.sluice.it.usability;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the repository's {@code bin/} scripts the way a user does, in a child process, with
 * {@code SLUICE_MODULE_PATH} made of modules this test JVM has on its class path (Sluice's modules
 * as the reactor built them, and their libraries), picked by module name, so that the scripts
 * never start a Maven build of their own. Standard input is given as bytes; standard output and
 * error are kept apart.
 */
final class SluiceScripts {

    /** module name → class path entry (jar or classes directory) */
    private final Map<String, Path> available = new LinkedHashMap<>();
    private final Path root;

    SluiceScripts() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Paths.get(entry);
            if (!Files.exists(p)) {
                continue;
            }
            try {
                for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
                    available.putIfAbsent(ref.descriptor().name(), p);
                }
            } catch (FindException e) {
                // not usable as a module (e.g. a jar without a valid automatic name): never picked
            }
        }
        available.putIfAbsent("org.slf4j.simple", slf4jSimple());
        Path basedir = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        this.root = basedir.getParent();
    }

    /** The repository's root (where {@code bin/} lives). */
    Path root() {
        return root;
    }

    /** The class path entry holding {@code module}, failing clearly if the build did not provide it. */
    Path entryOf(String module) {
        Path p = available.get(module);
        if (p == null) {
            throw new IllegalStateException("Module " + module + " is not on the test class path; found " + available.keySet());
        }
        return p;
    }

    /** The entries of {@code modules}, joined as a module path. */
    String modulePath(List<String> modules) {
        List<String> paths = new ArrayList<>();
        for (String m : modules) {
            paths.add(entryOf(m).toString());
        }
        return String.join(File.pathSeparator, paths);
    }

    /** Runs {@code bin/<script> args} with {@code SLUICE_MODULE_PATH} set to {@code modules}, feeding {@code stdin}. */
    Result run(String script, List<String> modules, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("bin").resolve(script).toString()));
        cmd.addAll(List.of(args));
        Map<String, String> env = Map.of("SLUICE_MODULE_PATH", modulePath(modules),
                "JAVA_HOME", System.getProperty("java.home"));
        return exec(cmd, env, stdin);
    }

    /** Runs any command with extra environment variables. */
    static Result exec(List<String> cmd, Map<String, String> env, byte[] stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("sluice-script", ".out");
        Path err = Files.createTempFile("sluice-script", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process process = pb.start();
            process.getOutputStream().write(stdin);
            process.getOutputStream().close();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Did not exit within 4 minutes: " + cmd + "\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), cmd);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * slf4j-simple, the binding the scripts' users get: the {@code it} module keeps it off its own
     * class path (the testkit brings Log4j's), so it is taken from the local repository, beside the
     * slf4j-api jar the build resolved (the examples module needs it at run time, so it is there).
     */
    private Path slf4jSimple() {
        Path api = available.get("org.slf4j");
        if (api == null) {
            return null;
        }
        String version = api.getParent().getFileName().toString();
        Path simple = api.getParent().getParent().getParent().resolve("slf4j-simple").resolve(version)
                .resolve("slf4j-simple-" + version + ".jar");
        return Files.isRegularFile(simple) ? simple : null;
    }

    /** How a script exited and what it printed. */
    record Result(int exitCode, String stdout, String stderr, List<String> command) {
        @Override
        public String toString() {
            return "exit " + exitCode + " of " + String.join(" ", command) + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }
}
