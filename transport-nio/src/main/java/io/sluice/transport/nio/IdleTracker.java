package io.sluice.transport.nio;

import java.util.Objects;

/**
 * Finds connections that had no traffic for longer than {@code connections.max.idle.ms}: a list
 * of entries ordered by last activity, least recent first, so the next one to expire is always at
 * the head. Touching an entry moves it to the tail in O(1) and allocates nothing: each connection
 * owns its {@link Entry} for its whole life.
 *
 * <p>Owned by the sender thread; not thread-safe.
 *
 * @param <T> what an entry stands for (a {@link Connection})
 */
final class IdleTracker<T> {

    /**
     * One tracked thing's place in the list. Owned by the sender thread, like its tracker.
     *
     * @param <T> what the entry stands for
     */
    static final class Entry<T> {
        private final T owner;
        private long lastActiveMs;
        private Entry<T> previous;
        private Entry<T> next;
        private boolean linked;

        Entry(T owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
        }

        T owner() {
            return owner;
        }
    }

    private final long maxIdleMs;
    private Entry<T> head;
    private Entry<T> tail;

    /** @param maxIdleMs how long an entry may stay untouched; negative: never expire (track nothing) */
    IdleTracker(long maxIdleMs) {
        this.maxIdleMs = maxIdleMs;
    }

    /** Records activity at {@code nowMs}, starting to track the entry if it was not tracked. */
    void touch(Entry<T> entry, long nowMs) {
        if (maxIdleMs < 0) {
            return;
        }
        entry.lastActiveMs = nowMs;
        if (entry.linked) {
            if (entry == tail) {
                return;
            }
            unlink(entry);
        }
        entry.previous = tail;
        entry.next = null;
        if (tail == null) {
            head = entry;
        } else {
            tail.next = entry;
        }
        tail = entry;
        entry.linked = true;
    }

    /** Stops tracking the entry; does nothing if it is not tracked. */
    void remove(Entry<T> entry) {
        if (entry.linked) {
            unlink(entry);
        }
    }

    /** The least recently active owner if it was idle for more than the limit at {@code nowMs}, else null. */
    T nextExpired(long nowMs) {
        Entry<T> oldest = head;
        return oldest != null && nowMs - oldest.lastActiveMs > maxIdleMs ? oldest.owner : null;
    }

    /** How long from {@code nowMs} until {@link #nextExpired} has something: 0 if it has now, Long.MAX_VALUE if nothing is tracked. */
    long msUntilNextExpiry(long nowMs) {
        Entry<T> oldest = head;
        if (oldest == null) {
            return Long.MAX_VALUE;
        }
        long idleMs = nowMs - oldest.lastActiveMs;
        return idleMs > maxIdleMs ? 0 : maxIdleMs - idleMs + 1;
    }

    private void unlink(Entry<T> entry) {
        if (entry.previous == null) {
            head = entry.next;
        } else {
            entry.previous.next = entry.next;
        }
        if (entry.next == null) {
            tail = entry.previous;
        } else {
            entry.next.previous = entry.previous;
        }
        entry.previous = null;
        entry.next = null;
        entry.linked = false;
    }
}
