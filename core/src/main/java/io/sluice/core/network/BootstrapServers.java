package io.sluice.core.network;

import static io.sluice.api.config.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;

import io.sluice.api.errors.ConfigException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bootstrap.servers}: parsing the {@code host:port} entries and checking their host names
 * resolve, as Kafka's {@code ClientUtils.parseAndValidateAddresses} does. The addresses come back
 * <em>unresolved</em> (host name and port): a connection resolves the name again each time it
 * connects, so every address of a name is tried ({@code use_all_dns_ips}) and DNS changes are seen.
 * Stateless.
 *
 * <p>Accepted forms: {@code host:port}, {@code 10.0.0.1:9092}, {@code [::1]:9092} (IPv6 in brackets),
 * each optionally after a listener prefix such as {@code PLAINTEXT://}. Blank entries are skipped.
 */
public final class BootstrapServers {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapServers.class);

    private BootstrapServers() {
    }

    /**
     * Parses the entries and resolves them per {@code lookup}.
     *
     * @return one unresolved address per usable entry (per canonical name with
     *         {@code resolve_canonical_bootstrap_servers_only}), in the order given, without duplicates
     * @throws ConfigException if an entry is malformed (naming it), if there is no entry, or if no
     *         entry resolves (naming them all); entries that do not resolve while others do are logged
     */
    public static List<InetSocketAddress> resolve(List<String> entries, ClientDnsLookup lookup, HostResolver resolver) {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(resolver, "resolver");
        List<InetSocketAddress> parsed = parse(entries);
        Set<InetSocketAddress> usable = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (InetSocketAddress entry : parsed) {
            try {
                InetAddress[] addresses = resolver.resolve(entry.getHostString());
                if (addresses == null || addresses.length == 0) {
                    throw new UnknownHostException(entry.getHostString() + " resolved to no address");
                }
                if (lookup == ClientDnsLookup.RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY) {
                    for (InetAddress address : addresses) {
                        usable.add(InetSocketAddress.createUnresolved(address.getCanonicalHostName(), entry.getPort()));
                    }
                } else {
                    usable.add(entry);
                }
            } catch (UnknownHostException e) {
                LOG.warn("Couldn't resolve server {}:{} from bootstrap.servers as DNS resolution failed for {}",
                        entry.getHostString(), entry.getPort(), entry.getHostString());
                unresolved.add(entry.getHostString() + ":" + entry.getPort());
            }
        }
        if (usable.isEmpty()) {
            throw new ConfigException(BOOTSTRAP_SERVERS_CONFIG, "No resolvable bootstrap urls given in bootstrap.servers: "
                    + "none of " + unresolved + " resolves to an address. Check the host names (and the DNS of this machine), "
                    + "or give brokers by IP address.");
        }
        return List.copyOf(usable);
    }

    /**
     * Parses the entries without resolving them.
     *
     * @throws ConfigException for a malformed entry (naming it and the expected form) or an empty list
     */
    public static List<InetSocketAddress> parse(List<String> entries) {
        List<InetSocketAddress> parsed = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                if (entry != null && !entry.isBlank()) {
                    parsed.add(parseEntry(entry.trim()));
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new ConfigException(BOOTSTRAP_SERVERS_CONFIG, "bootstrap.servers is empty: give at least one broker as host:port, "
                    + "e.g. bootstrap.servers=broker1:9092,broker2:9092");
        }
        return parsed;
    }

    /** One {@code [listener://]host:port} entry. */
    static InetSocketAddress parseEntry(String entry) {
        String rest = entry;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw malformed(entry, "an IPv6 address must be written [address]:port");
            }
            host = rest.substring(1, close);
            port = rest.substring(close + 2);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon < 0) {
                throw malformed(entry, "the port is missing");
            }
            host = rest.substring(0, colon);
            port = rest.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw malformed(entry, "an IPv6 address must be written in brackets, e.g. [::1]:9092");
            }
        }
        if (host.isEmpty() || !host.matches("[0-9a-zA-Z\\-%._:]+")) {
            throw malformed(entry, "the host '" + host + "' is empty or has characters a host name cannot have");
        }
        return InetSocketAddress.createUnresolved(host, parsePort(entry, port));
    }

    private static int parsePort(String entry, String port) {
        if (!port.matches("[0-9]{1,5}")) {
            throw malformed(entry, "the port '" + port + "' is not a number");
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw malformed(entry, "the port " + value + " is outside 1..65535");
        }
        return value;
    }

    private static ConfigException malformed(String entry, String why) {
        return new ConfigException(BOOTSTRAP_SERVERS_CONFIG, "Invalid url in bootstrap.servers: '" + entry + "' (" + why
                + "). Each entry must be host:port, e.g. broker1:9092, 10.0.0.5:9092 or [::1]:9092.");
    }
}
