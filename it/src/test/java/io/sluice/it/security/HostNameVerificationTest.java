package io.sluice.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.KafkaClusterExtension;
import io.sluice.testkit.TestCertificates;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Host name verification, Kafka's default ({@code ssl.endpoint.identification.algorithm=https}): a
 * producer that reaches the broker under a name its certificate does not list (localhost and
 * 127.0.0.1 only) fails with an SslAuthenticationException naming that host and the key, rather than
 * waiting out max.block.ms; with verification turned off the same producer delivers, which shows that
 * the name was the only problem. The name is mapped to 127.0.0.1 by {@code jdk.net.hosts.file} in a
 * child JVM, so the test does not depend on this machine's name service.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostNameVerificationTest {

    @RegisterExtension
    static final KafkaClusterExtension kafka = SecureClusters.extension();

    private static final String UNLISTED_NAME = "kafka-1.sluice-test.invalid";

    @Test
    void aBrokerReachedUnderANameItsCertificateDoesNotListIsRefusedUnlessVerificationIsOff() throws Exception {
        String topic = kafka.createTopic("hostname", 1, 1);
        String port = kafka.cluster().bootstrapServers("SSL").split(",")[0].split(":")[1];
        Path hosts = Files.createTempFile(Paths.get("target"), "hosts", ".txt");
        Files.writeString(hosts, "127.0.0.1 localhost\n127.0.0.1 " + UNLISTED_NAME + "\n");
        TestCertificates certificates = kafka.cluster().certificates();

        List<String> out = runChild(hosts, UNLISTED_NAME + ":" + port, certificates.truststore().toString(),
                TestCertificates.PASSWORD, topic);

        assertThat(out).hasSize(4);
        assertThat(out.get(0)).isEqualTo("RESULT io.sluice.api.errors.SslAuthenticationException");
        assertThat(out.get(1)).startsWith("MESSAGE TLS handshake with " + UNLISTED_NAME + ":" + port + " (127.0.0.1) failed: "
                + "the broker's certificate does not name the host " + UNLISTED_NAME)
                .contains("Host name verification is on (ssl.endpoint.identification.algorithm=https); an empty value "
                        + "turns it off, which is unsafe");
        assertThat(out.get(2)).as("verification off: %s", out.get(3)).isEqualTo("RESULT delivered");
    }

    private static List<String> runChild(Path hostsFile, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-Djdk.net.hosts.file=" + hostsFile.toAbsolutePath(),
                "-cp", classPath, HostNameCheckMain.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(new File("target/hostname-check.err")).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(child.exitValue()).as("child exit; stdout: %s", out).isZero();
        return out.lines().filter(l -> l.startsWith("RESULT ") || l.startsWith("MESSAGE ")).toList();
    }
}
