package io.sluice.api;

import java.util.Objects;

/**
 * A Kafka broker as named in cluster metadata.
 *
 * @param id   the broker id ({@code node.id}); bootstrap entries use negative ids until the
 *             first metadata response names the real brokers
 * @param host host name or address
 * @param port port
 * @param rack rack, or {@code null}
 */
public record Node(int id, String host, int port, String rack) {

    /**
     * A broker; its rack is the broker's {@code broker.rack} setting, as metadata reports it.
     *
     * @param id   the broker id, negative for a bootstrap entry
     * @param host host name or address, not {@code null}
     * @param port port
     * @param rack rack, or {@code null} if the broker has none
     * @throws NullPointerException if {@code host} is null
     */
    public Node {
        Objects.requireNonNull(host, "host");
    }

    /**
     * A broker with no rack, e.g. a {@code bootstrap.servers} entry.
     *
     * @param id   the broker id, negative for a bootstrap entry
     * @param host host name or address, not {@code null}
     * @param port port
     * @throws NullPointerException if {@code host} is null
     */
    public Node(int id, String host, int port) {
        this(id, host, port, null);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (id: " + id + (rack == null ? "" : " rack: " + rack) + ")";
    }
}
