package io.sluice.core.protocol;

/**
 * The versions of one API a broker supports, inclusive, as its ApiVersions response lists them.
 *
 * @param apiKey     the api key (possibly one Sluice does not know)
 * @param minVersion lowest supported version
 * @param maxVersion highest supported version
 */
public record ApiVersionRange(short apiKey, short minVersion, short maxVersion) {

    @Override
    public String toString() {
        ApiKeys api = ApiKeys.forId(apiKey);
        return (api != null ? api.displayName : "api key " + apiKey) + " v" + minVersion + "–v" + maxVersion;
    }
}
