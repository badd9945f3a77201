package io.sluice.core.network;

import io.sluice.api.config.ProducerConfig;
import io.sluice.api.errors.ConfigException;
import java.util.Locale;

/** {@code client.dns.lookup}: how host names of brokers are turned into addresses. */
public enum ClientDnsLookup {
    /** Try every address a name resolves to, one after the other, on successive connection attempts. */
    USE_ALL_DNS_IPS("use_all_dns_ips"),
    /** Replace each bootstrap entry by the canonical names of its addresses first (Kerberos set-ups), then as above. */
    RESOLVE_CANONICAL_BOOTSTRAP_SERVERS_ONLY("resolve_canonical_bootstrap_servers_only");

    private final String configValue;

    ClientDnsLookup(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    /** @throws ConfigException for a value that is neither */
    public static ClientDnsLookup forConfig(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ClientDnsLookup lookup : values()) {
            if (lookup.configValue.equals(wanted)) {
                return lookup;
            }
        }
        throw new ConfigException(ProducerConfig.CLIENT_DNS_LOOKUP_CONFIG, "client.dns.lookup=" + value
                + " is not supported; use use_all_dns_ips or resolve_canonical_bootstrap_servers_only");
    }
}
