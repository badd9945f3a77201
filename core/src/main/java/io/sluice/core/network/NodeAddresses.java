package io.sluice.core.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * The addresses of one broker's host name and which one the next connection attempt uses
 * ({@code client.dns.lookup=use_all_dns_ips}): resolved lazily, walked one address per attempt,
 * resolved again once all were tried or after an established connection was lost (the broker's IPs
 * may have changed), never starting again with the address that just failed if there are others.
 * Kafka's {@code ClusterConnectionStates.NodeConnectionState} does the same.
 *
 * <p>Owned by the sender thread (through its {@link BrokerConnection}).
 */
final class NodeAddresses {

    private final String host;
    private final HostResolver resolver;
    private List<InetAddress> addresses = List.of();
    private int index;
    private InetAddress lastAttempted;

    NodeAddresses(String host, HostResolver resolver) {
        this.host = Objects.requireNonNull(host, "host");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    String host() {
        return host;
    }

    /**
     * The address for this attempt, resolving the host if needed.
     *
     * @throws UnknownHostException if the host does not resolve
     */
    InetAddress current() throws UnknownHostException {
        if (addresses.isEmpty()) {
            resolve();
        }
        lastAttempted = addresses.get(index);
        return lastAttempted;
    }

    /** Moves to the next address for the next attempt; after the last one, the host is resolved again. */
    void moveToNext() {
        if (addresses.isEmpty()) {
            return;
        }
        index = (index + 1) % addresses.size();
        if (index == 0) {
            clear();
        }
    }

    /** Forgets the addresses, so the next attempt resolves the host again. */
    void clear() {
        addresses = List.of();
    }

    private void resolve() throws UnknownHostException {
        InetAddress[] resolved = resolver.resolve(host);
        if (resolved == null || resolved.length == 0) {
            throw new UnknownHostException(host + " resolved to no address");
        }
        addresses = List.of(resolved);
        index = 0;
        if (addresses.size() > 1 && addresses.get(0).equals(lastAttempted)) {
            index = 1;
        }
    }
}
