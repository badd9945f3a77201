package io.sluice.bench.side;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The testkit's {@code LocalKafka} (a real Kafka 4.4.0 KRaft broker) in its own JVM, so that its CPU time is
 * measured apart from the producers'. It stops when its standard input (a pipe from here) closes. Optionally
 * with a SASL_SSL listener too, whose Kafka client properties LocalKafka writes to a file.
 * Created and closed by the benchmark's main thread.
 */
final class LocalBroker implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final String bootstrap;
    private final Endpoint saslSsl;

    /**
     * Where producers connect: {@code bootstrap.servers}, and the file of client properties that goes with it
     * (null for PLAINTEXT).
     */
    record Endpoint(String bootstrap, Path clientConfig) {
    }

    private LocalBroker(Process process, String bootstrap, Endpoint saslSsl) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.bootstrap = bootstrap;
        this.saslSsl = saslSsl;
    }

    /**
     * @param classPath the testkit's class path
     * @param log       where the broker's standard error (Kafka's WARN log) goes
     * @param jvmOptions e.g. {@code -Xmx1g}
     * @param saslSslClientConfig where LocalKafka writes the client properties of an extra SASL_SSL listener, or
     *                   null for none
     */
    static LocalBroker start(String classPath, Path log, List<String> jvmOptions, List<String> properties,
                             Path saslSslClientConfig) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Commands.java()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, "io.sluice.testkit.LocalKafka", "--port", Integer.toString(freePort())));
        for (String p : properties) {
            cmd.addAll(List.of("--property", p));
        }
        if (saslSslClientConfig != null) {
            cmd.addAll(List.of("--sasl-ssl", saslSslClientConfig.toString()));
        }
        Process process = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf(" ready at ");
            if (at >= 0) {
                Endpoint saslSsl = saslSslClientConfig == null ? null
                        : new Endpoint(bootstrapIn(saslSslClientConfig), saslSslClientConfig);
                return new LocalBroker(process, line.substring(at + " ready at ".length()).trim(), saslSsl);
            }
        }
        process.destroyForcibly();
        throw new IOException("LocalKafka ended before it was ready; see " + log);
    }

    String bootstrap() {
        return bootstrap;
    }

    /** Where a scenario's producers connect: the PLAINTEXT listener, or the SASL_SSL one for secured scenarios. */
    Endpoint endpoint(Scenario s) {
        if (!s.secured()) {
            return new Endpoint(bootstrap, null);
        }
        if (saslSsl == null) {
            throw new IllegalStateException("Scenario " + s.name() + " needs the SASL_SSL listener; start the broker "
                    + "with a client properties file (--protocols ...,SASL_SSL)");
        }
        return saslSsl;
    }

    private static String bootstrapIn(Path clientConfig) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String servers = p.getProperty("bootstrap.servers");
        if (servers == null) {
            throw new IOException("No bootstrap.servers in " + clientConfig + " written by LocalKafka --sasl-ssl");
        }
        return servers;
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
