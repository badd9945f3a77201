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

    public Node {
        Objects.requireNonNull(host, "host");
    }

    public Node(int id, String host, int port) {
        this(id, host, port, null);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (id: " + id + (rack == null ? "" : " rack: " + rack) + ")";
    }
}
