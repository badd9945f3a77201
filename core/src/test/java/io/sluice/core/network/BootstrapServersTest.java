package io.sluice.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootstrapServersTest {

    private static final HostResolver DNS = host -> {
        Map<String, InetAddress[]> known = Map.of(
                "broker1", ClientHarness.addresses("broker1", 10, 0, 0, 1),
                "broker2", ClientHarness.addresses("broker2", 10, 0, 0, 2),
                "kafka.example", ClientHarness.addresses("kafka.example", 127, 0, 0, 1, 127, 0, 0, 2),
                "10.1.2.3", ClientHarness.addresses("10.1.2.3", 10, 1, 2, 3));
        InetAddress[] found = known.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found;
    };

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "broker1:9092|broker1|9092",
        "10.0.0.5:19092|10.0.0.5|19092",
        "[::1]:9092|::1|9092",
        "[fe80::1%eth0]:9093|fe80::1%eth0|9093",
        "PLAINTEXT://broker1:9092|broker1|9092",
        "  broker2:1  |broker2|1"})
    void shouldParseTheFormsKafkaAccepts(String entry, String host, int port) {
        InetSocketAddress address = BootstrapServers.parse(List.of(entry)).get(0);
        assertThat(address.getHostString()).isEqualTo(host);
        assertThat(address.getPort()).isEqualTo(port);
        assertThat(address.isUnresolved()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "broker1|the port is missing",
        "broker1:|the port '' is not a number",
        "broker1:abc|the port 'abc' is not a number",
        "broker1:0|the port 0 is outside 1..65535",
        "broker1:70000|the port 70000 is outside 1..65535",
        ":9092|the host '' is empty or has characters a host name cannot have",
        "::1:9092|an IPv6 address must be written in brackets, e.g. [::1]:9092",
        "[::1:9092|an IPv6 address must be written [address]:port",
        "bro ker:9092|the host 'bro ker' is empty or has characters a host name cannot have"})
    void shouldRefuseAMalformedEntryNamingIt(String entry, String why) {
        assertThatThrownBy(() -> BootstrapServers.parse(List.of("broker2:9092", entry)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid url in bootstrap.servers: '" + entry.trim() + "' (" + why
                        + "). Each entry must be host:port, e.g. broker1:9092, 10.0.0.5:9092 or [::1]:9092.")
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("bootstrap.servers");
    }

    @Test
    void shouldRefuseAnEmptyList() {
        assertThatThrownBy(() -> BootstrapServers.parse(List.of(" ", "")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("bootstrap.servers is empty");
    }

    @Test
    void shouldKeepEntriesThatResolveInOrderAndDropTheOthers() {
        List<InetSocketAddress> addresses = BootstrapServers.resolve(List.of("nowhere.invalid:9092", "broker2:9092", "broker1:9092",
                "broker2:9092"), ClientDnsLookup.USE_ALL_DNS_IPS, DNS);
        assertThat(addresses).extracting(InetSocketAddress::getHostString).containsExactly("broker2", "broker1");
        assertThat(addresses).allSatisfy(a -> assertThat(a.isUnresolved()).isTrue());
    }

    @Test
    void shouldFailClearlyWhenNoEntryResolves() {
        assertThatThrownBy(() -> BootstrapServers.resolve(List.of("nowhere.invalid:9092", "missing.invalid:9093"),
                ClientDnsLookup.USE_ALL_DNS_IPS, DNS))
                .isInstanceOf(ConfigException.class)
                .hasMessage("No resolvable bootstrap urls given in bootstrap.servers: none of [nowhere.invalid:9092, missing.invalid:9093] "
                        + "resolves to an address. Check the host names (and the DNS of this machine), or give brokers by IP address.");
    }

    @Test
    void shouldReplaceEntriesByTheCanonicalNamesOfTheirAddressesWhenAsked() {
        HostResolver canonical = host -> {
            InetAddress[] found = DNS.resolve(host);
            InetAddress[] named = new InetAddress[found.length];
            for (int i = 0; i < found.length; i++) {
                named[i] = InetAddress.getByAddress("node-" + i + ".kafka.example", found[i].getAddress());
            }
            return named;
        };
        List<InetSocketAddress> addresses = BootstrapServers.resolve(List.of("kafka.example:9092"),
                ClientDnsLookup.RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY, canonical);
        assertThat(addresses).hasSize(2).allSatisfy(a -> assertThat(a.getPort()).isEqualTo(9092));
    }

    @Test
    void shouldReadClientDnsLookupAndRefuseOtherValues() {
        assertThat(ClientDnsLookup.forConfig("use_all_dns_ips")).isEqualTo(ClientDnsLookup.USE_ALL_DNS_IPS);
        assertThat(ClientDnsLookup.forConfig("RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY"))
                .isEqualTo(ClientDnsLookup.RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY);
        assertThatThrownBy(() -> ClientDnsLookup.forConfig("default")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("client.dns.lookup=default");
    }
}
