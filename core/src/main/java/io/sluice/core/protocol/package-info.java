/**
 * Kafka's wire protocol for the APIs a producer needs, written for Sluice from Kafka's message
 * definitions ({@code clients/src/main/resources/common/message/*.json}) and checked byte for byte
 * against kafka-clients 4.4.0 in the tests. Internal: not exported from {@code io.sluice.core}.
 *
 * <h2>Entry points for the connection and sender layers</h2>
 * <ul>
 *   <li>{@link io.sluice.core.protocol.RequestFrames#encode} — header + body into an
 *       {@link io.sluice.core.protocol.EncodedFrame} ({@code ByteBuffer[]} + count) for
 *       {@code Transport.send}; Produce record batches are referenced, never copied.</li>
 *   <li>{@link io.sluice.core.protocol.ResponseFrames#correlationId} then
 *       {@link io.sluice.core.protocol.ResponseFrames#parse} — a received frame into correlation id
 *       and a decoded {@link io.sluice.core.protocol.ResponseBody}; a frame that does not decode is a
 *       {@link io.sluice.core.protocol.ProtocolException} (close the connection).</li>
 *   <li>{@link io.sluice.core.protocol.NegotiatedVersions#of} — the version of each API to use with
 *       one broker, from its ApiVersions response; KIP-511 retries via
 *       {@link io.sluice.core.protocol.ApiVersionsResponse#retryVersion}.</li>
 *   <li>{@link io.sluice.core.protocol.Errors} — error codes to Sluice exceptions.</li>
 * </ul>
 *
 * <h2>Messages</h2>
 * ApiVersions v0–v4, Metadata v1–v13, Produce v3–v13, InitProducerId v0–v5; see
 * {@link io.sluice.core.protocol.ApiKeys} for the ranges and why. Request bodies are
 * {@link io.sluice.core.protocol.RequestBody}s, responses immutable
 * {@link io.sluice.core.protocol.ResponseBody} values that keep no reference to the frame (the
 * transport reuses its memory).
 *
 * <h2>Primitives</h2>
 * {@link io.sluice.core.protocol.ProtocolWriter} sizes and writes (exact-size framing array plus
 * spliced buffers); {@link io.sluice.core.protocol.ProtocolReader} reads with every length checked
 * against the bytes left before anything is allocated.
 */
package io.sluice.core.protocol;
