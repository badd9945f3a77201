package io.sluice.core.archfixture;

/** A deliberate violation, only for ArchitectureRulesCatchViolationsTest: main code must not use Apache Kafka. */
public final class CoreUsingKafka {
    public int leak(byte[] key) {
        return org.apache.kafka.common.utils.Utils.murmur2(key);
    }
}
