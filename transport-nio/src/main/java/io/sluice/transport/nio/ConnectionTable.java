package io.sluice.transport.nio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The transport's connections by their {@code int} id: an open-addressing hash table with linear
 * probing, so the lookup on every {@code send} boxes nothing. (A {@code HashMap<Integer, ...>}
 * allocated 16 bytes per send for ids above 127, such as Kafka's broker ids from 1001 on:
 * measured with ThreadMXBean over 200,000 request/response round trips on loopback.)
 *
 * <p>Owned by the sender thread, like the transport; not thread-safe.
 */
final class ConnectionTable {

    private static final int INITIAL_CAPACITY = 16;

    private int[] ids = new int[INITIAL_CAPACITY];
    private Connection[] connections = new Connection[INITIAL_CAPACITY];
    private int size;

    /** The connection with this id, or null. */
    Connection get(int id) {
        int mask = connections.length - 1;
        for (int slot = slotOf(id, mask); connections[slot] != null; slot = (slot + 1) & mask) {
            if (ids[slot] == id) {
                return connections[slot];
            }
        }
        return null;
    }

    /** Adds a connection under its id, which must be free. */
    void add(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        if (get(connection.id()) != null) {
            throw new IllegalStateException("connection id " + connection.id() + " is already in the table");
        }
        if ((size + 1) * 2 > connections.length) {
            grow();
        }
        insert(connection.id(), connection);
        size++;
    }

    /** Removes the id if it maps to exactly this connection; returns whether it did. */
    boolean remove(Connection connection) {
        int mask = connections.length - 1;
        int id = connection.id();
        for (int slot = slotOf(id, mask); connections[slot] != null; slot = (slot + 1) & mask) {
            if (ids[slot] == id) {
                if (connections[slot] != connection) {
                    return false;
                }
                deleteAt(slot);
                size--;
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    /** A copy of the connections, for closing them all. */
    List<Connection> all() {
        List<Connection> all = new ArrayList<>(size);
        for (Connection connection : connections) {
            if (connection != null) {
                all.add(connection);
            }
        }
        return all;
    }

    void clear() {
        Arrays.fill(connections, null);
        size = 0;
    }

    private void insert(int id, Connection connection) {
        int mask = connections.length - 1;
        int slot = slotOf(id, mask);
        while (connections[slot] != null) {
            slot = (slot + 1) & mask;
        }
        ids[slot] = id;
        connections[slot] = connection;
    }

    /**
     * Empties a slot and moves later entries of the same probe run back into the gap, so every
     * entry stays reachable from its home slot without tombstones.
     */
    private void deleteAt(int slot) {
        int mask = connections.length - 1;
        int gap = slot;
        connections[gap] = null;
        for (int next = (gap + 1) & mask; connections[next] != null; next = (next + 1) & mask) {
            int home = slotOf(ids[next], mask);
            boolean homeInGapToNext = gap <= next ? gap < home && home <= next : gap < home || home <= next;
            if (!homeInGapToNext) {
                ids[gap] = ids[next];
                connections[gap] = connections[next];
                connections[next] = null;
                gap = next;
            }
        }
    }

    private void grow() {
        Connection[] old = connections;
        ids = new int[old.length * 2];
        connections = new Connection[old.length * 2];
        for (Connection connection : old) {
            if (connection != null) {
                insert(connection.id(), connection);
            }
        }
    }

    private static int slotOf(int id, int mask) {
        int h = id * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
