package io.sluice.examples.tune;

/**
 * What one setting achieved.
 *
 * @param setting            the setting
 * @param records            records acknowledged
 * @param failed             records that failed
 * @param seconds            from the first send to the end of the flush
 * @param recordsPerSecond   acknowledged records per second
 * @param megabytesPerSecond key and value bytes per second (MB = 10^6 bytes)
 * @param p50Ms              per-record send-to-acknowledgement latency, median
 * @param p99Ms              the same, 99th percentile
 * @param maxMs              the same, maximum
 * @param averageBatchBytes  bytes per sent batch (after compression)
 * @param recordsPerRequest  records per produce request
 * @param compressionRate    compressed over uncompressed batch size
 */
public record TuneResult(TuneSetting setting, long records, long failed, double seconds, double recordsPerSecond,
                         double megabytesPerSecond, double p50Ms, double p99Ms, double maxMs, double averageBatchBytes,
                         double recordsPerRequest, double compressionRate) {
}
