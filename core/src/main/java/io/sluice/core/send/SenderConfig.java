package io.sluice.core.send;

/**
 * The settings the sender works with.
 *
 * @param acks              0, 1 or -1 ({@code all})
 * @param maxRequestSize    {@code max.request.size}
 * @param requestTimeoutMs  {@code request.timeout.ms}
 * @param retries           {@code retries}
 * @param deliveryTimeoutMs {@code delivery.timeout.ms}
 */
public record SenderConfig(short acks, int maxRequestSize, int requestTimeoutMs, int retries, long deliveryTimeoutMs) {
}
