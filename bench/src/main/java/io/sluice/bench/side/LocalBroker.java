package io.sluice.bench.side;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The testkit's {@code LocalKafka} (a real Kafka 4.4.0 KRaft broker) in its own JVM, so that its CPU time is
 * measured apart from the producers'. It stops when its standard input (a pipe from here) closes.
 * Created and closed by the benchmark's main thread.
 */
final class LocalBroker implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final String bootstrap;

    private LocalBroker(Process process, String bootstrap) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.bootstrap = bootstrap;
    }

    /**
     * @param classPath the testkit's class path
     * @param log       where the broker's standard error (Kafka's WARN log) goes
     * @param jvmOptions e.g. {@code -Xmx1g}
     */
    static LocalBroker start(String classPath, Path log, List<String> jvmOptions, List<String> properties)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Commands.java()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, "io.sluice.testkit.LocalKafka", "--port", Integer.toString(freePort())));
        for (String p : properties) {
            cmd.addAll(List.of("--property", p));
        }
        Process process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf(" ready at ");
            if (at >= 0) {
                return new LocalBroker(process, line.substring(at + " ready at ".length()).trim());
            }
        }
        process.destroyForcibly();
        throw new IOException("LocalKafka ended before it was ready; see " + log);
    }

    String bootstrap() {
        return bootstrap;
    }

    long pid() {
        return process.pid();
    }

    long cpuNanos() {
        return ProcStat.cpuNanos(process.pid());
    }

    @Override
    public void close() throws IOException {
        stdin.close();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
