package io.sluice.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.errors.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BootstrapResolverTest {

    private final AtomicBoolean dnsUp = new AtomicBoolean();
    private final HostResolver dns = host -> {
        if (!dnsUp.get()) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})};
    };

    @Test
    void shouldFailAtOnceWhenTheTimeoutIsZero() {
        BootstrapResolver resolver = new BootstrapResolver(List.of("broker-1:9092"), ClientDnsLookup.USE_ALL_DNS_IPS, dns, 0, 50);
        assertThatThrownBy(() -> resolver.tryResolve(1_000)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("No resolvable bootstrap urls given in bootstrap.servers");
    }

    @Test
    void shouldKeepTryingUntilTheTimeoutThenFailSayingHowLongItTried() {
        BootstrapResolver resolver = new BootstrapResolver(List.of("broker-1:9092"), ClientDnsLookup.USE_ALL_DNS_IPS, dns, 10_000, 50);
        assertThat(resolver.tryResolve(1_000)).isNull();
        assertThat(resolver.retryDelayMs(1_000)).isEqualTo(50);
        assertThat(resolver.retryDelayMs(1_030)).isEqualTo(20);
        assertThat(resolver.tryResolve(10_999)).isNull();
        assertThatThrownBy(() -> resolver.tryResolve(11_000)).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("Tried for bootstrap.resolve.timeout.ms=10000 ms.");
    }

    @Test
    void shouldReturnTheAddressesOnceDnsAnswers() {
        BootstrapResolver resolver = new BootstrapResolver(List.of("broker-1:9092"), ClientDnsLookup.USE_ALL_DNS_IPS, dns, 10_000, 50);
        assertThat(resolver.tryResolve(1_000)).isNull();
        dnsUp.set(true);
        assertThat(resolver.tryResolve(1_050)).singleElement().satisfies(a -> assertThat(a.getHostString()).isEqualTo("broker-1"));
    }

    @Test
    void shouldRefuseMalformedEntriesWhateverTheTimeout() {
        assertThatThrownBy(() -> new BootstrapResolver(List.of("broker-1"), ClientDnsLookup.USE_ALL_DNS_IPS, dns, 60_000, 50))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the port is missing");
    }
}
