package io.sluice.core.metadata;

import static io.sluice.api.config.ProducerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG;
import static io.sluice.api.config.ProducerConfig.METADATA_MAX_AGE_CONFIG;
import static io.sluice.api.config.ProducerConfig.METADATA_MAX_IDLE_CONFIG;
import static io.sluice.api.config.ProducerConfig.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.METADATA_RECOVERY_STRATEGY_CONFIG;
import static io.sluice.api.config.ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG;
import static io.sluice.api.config.ProducerConfig.RETRY_BACKOFF_MS_CONFIG;

import io.sluice.core.config.ProducerSettings;
import java.util.Locale;

/**
 * The settings of the metadata layer, taken from the producer's configuration once.
 *
 * @param maxAgeMs               {@code metadata.max.age.ms}: refresh at least this often
 * @param maxIdleMs              {@code metadata.max.idle.ms}: forget topics unused for this long
 * @param retryBackoffMs         {@code retry.backoff.ms}: the first wait between refresh attempts
 * @param retryBackoffMaxMs      {@code retry.backoff.max.ms}: the longest such wait
 * @param allowAutoCreateTopics  {@code allow.auto.create.topics}
 * @param rebootstrap            {@code metadata.recovery.strategy=rebootstrap}
 * @param rebootstrapTriggerMs   {@code metadata.recovery.rebootstrap.trigger.ms}
 */
public record MetadataConfig(long maxAgeMs, long maxIdleMs, long retryBackoffMs, long retryBackoffMaxMs,
                             boolean allowAutoCreateTopics, boolean rebootstrap, long rebootstrapTriggerMs) {

    public static MetadataConfig from(ProducerSettings settings) {
        return new MetadataConfig(settings.getLong(METADATA_MAX_AGE_CONFIG), settings.getLong(METADATA_MAX_IDLE_CONFIG),
                settings.getLong(RETRY_BACKOFF_MS_CONFIG), settings.getLong(RETRY_BACKOFF_MAX_MS_CONFIG),
                settings.getBoolean(ALLOW_AUTO_CREATE_TOPICS_CONFIG),
                settings.getString(METADATA_RECOVERY_STRATEGY_CONFIG).trim().toLowerCase(Locale.ROOT).equals("rebootstrap"),
                settings.getLong(METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG));
    }
}
