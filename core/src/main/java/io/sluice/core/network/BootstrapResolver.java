package io.sluice.core.network;

import static io.sluice.api.config.ProducerConfig.BOOTSTRAP_RESOLVE_TIMEOUT_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;
import static io.sluice.api.config.ProducerConfig.CLIENT_DNS_LOOKUP_CONFIG;
import static io.sluice.api.config.ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG;

import io.sluice.api.errors.ConfigException;
import io.sluice.core.config.ProducerSettings;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * Resolves {@code bootstrap.servers} per {@code bootstrap.resolve.timeout.ms} (KIP-909): with 0, the
 * first attempt must succeed or the producer is not created; with more, attempts are repeated
 * (every {@code reconnect.backoff.ms}) until one entry resolves or the time is up. Malformed entries
 * are refused at once either way.
 *
 * <p>Owned by the thread that creates the producer for the first attempt, then by the sender thread.
 */
public final class BootstrapResolver {

    private final List<String> entries;
    private final ClientDnsLookup lookup;
    private final HostResolver resolver;
    private final long resolveTimeoutMs;
    private final long retryMs;
    private long firstAttemptMs = Long.MIN_VALUE;
    private long lastAttemptMs;

    /**
     * @throws ConfigException if an entry is malformed or there is none
     */
    public BootstrapResolver(List<String> entries, ClientDnsLookup lookup, HostResolver resolver, long resolveTimeoutMs, long retryMs) {
        BootstrapServers.parse(entries);
        this.entries = List.copyOf(entries);
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.resolveTimeoutMs = resolveTimeoutMs;
        this.retryMs = Math.max(retryMs, 1);
    }

    public static BootstrapResolver from(ProducerSettings settings, HostResolver resolver) {
        return new BootstrapResolver(settings.getList(BOOTSTRAP_SERVERS_CONFIG),
                ClientDnsLookup.forConfig(settings.getString(CLIENT_DNS_LOOKUP_CONFIG)), resolver,
                settings.getLong(BOOTSTRAP_RESOLVE_TIMEOUT_MS_CONFIG), settings.getLong(RECONNECT_BACKOFF_MS_CONFIG));
    }

    /**
     * One attempt.
     *
     * @return the addresses, or {@code null} if none resolves yet but {@code bootstrap.resolve.timeout.ms} allows waiting
     * @throws ConfigException if none resolves and the time is up (at once when the timeout is 0)
     */
    public List<InetSocketAddress> tryResolve(long nowMs) {
        if (firstAttemptMs == Long.MIN_VALUE) {
            firstAttemptMs = nowMs;
        }
        lastAttemptMs = nowMs;
        try {
            return BootstrapServers.resolve(entries, lookup, resolver);
        } catch (ConfigException unresolved) {
            if (nowMs - firstAttemptMs >= resolveTimeoutMs) {
                if (resolveTimeoutMs == 0) {
                    throw unresolved;
                }
                throw new ConfigException(BOOTSTRAP_SERVERS_CONFIG, unresolved.getMessage() + " Tried for "
                        + BOOTSTRAP_RESOLVE_TIMEOUT_MS_CONFIG + "=" + resolveTimeoutMs + " ms.", unresolved);
            }
            return null;
        }
    }

    /** How long (ms) until the next attempt is worth making. */
    public long retryDelayMs(long nowMs) {
        return Math.max(lastAttemptMs + retryMs - nowMs, 0);
    }
}
