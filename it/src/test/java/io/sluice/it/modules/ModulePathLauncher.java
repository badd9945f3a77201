package io.sluice.it.modules;

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
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java program in a child JVM on the module path or the class path, built from a chosen set
 * of the modules this test JVM has on its class path (Sluice's modules as built by the reactor,
 * plus their libraries). Each class path entry is identified by the module name the JDK gives it,
 * so the set is picked by module name, exactly as a user would pick jars.
 */
final class ModulePathLauncher {

    /** module name → class path entry (jar or classes directory) */
    private final Map<String, Path> available = new LinkedHashMap<>();

    ModulePathLauncher() {
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
                // not usable as a module (e.g. a jar with an invalid automatic name): never picked
            }
        }
    }

    /** The path entry of a module, failing clearly if the build did not provide it. */
    Path entryOf(String module) {
        Path p = available.get(module);
        if (p == null) {
            throw new IllegalStateException("Module " + module + " is not on the test class path; found " + available.keySet());
        }
        return p;
    }

    Result runOnModulePath(Set<String> modules, String mainModuleAndClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "--module-path", joined(modules), "--module", mainModuleAndClass));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    Result runOnClassPath(Set<String> modules, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "-cp", joined(modules), mainClass));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /**
     * Runs {@code mainClass} from {@code classPathEntry} (the unnamed module) with {@code modules} on the
     * module path, all of them resolved ({@code --add-modules ALL-MODULE-PATH}): the class-path program
     * uses the modules the way an application that is not yet modular does.
     */
    Result runBesideModulePath(Set<String> modules, Path classPathEntry, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaExecutable(), "--module-path", joined(modules),
                "--add-modules", "ALL-MODULE-PATH", "-cp", classPathEntry.toString(), mainClass));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private String joined(Set<String> modules) {
        List<String> paths = new ArrayList<>();
        for (String m : modules) {
            paths.add(entryOf(m).toString());
        }
        return String.join(File.pathSeparator, paths);
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Child JVM did not exit: " + cmd);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), cmd);
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** What the child JVM printed and how it exited. */
    record Result(int exitCode, String output, List<String> command) {
        @Override
        public String toString() {
            return "exit " + exitCode + " of " + String.join(" ", command) + "\n" + output;
        }
    }
}
