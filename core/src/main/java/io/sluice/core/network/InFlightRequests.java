package io.sluice.core.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The requests of one connection, in the order they were handed to the transport, until each is
 * answered, failed, or (without a response expected, {@code acks=0}) reported written.
 *
 * <p>Two queues, because the transport reports two independent orders: frames written
 * ({@code onFrameSent}, one report per frame in send order) and responses received (in send order
 * of the requests expecting one). A response may even be processed before its frame's written
 * report; {@link #unwritten} keeps the 1:1 match of reports to frames anyway.
 *
 * <p>Owned by the sender thread.
 */
final class InFlightRequests {

    private final ArrayDeque<InFlightRequest> pending = new ArrayDeque<>();
    private final ArrayDeque<InFlightRequest> unwritten = new ArrayDeque<>();

    void add(InFlightRequest request) {
        pending.addLast(request);
        unwritten.addLast(request);
    }

    /**
     * The transport wrote the oldest unreported frame.
     *
     * @return the request, if it expected no response and is now finished; else {@code null}
     */
    InFlightRequest onFrameWritten() {
        InFlightRequest written = unwritten.pollFirst();
        if (written == null) {
            return null;
        }
        written.markSent();
        if (!written.request.expectResponse() && pending.remove(written)) {
            return written;
        }
        return null;
    }

    /** The oldest request still waiting for a response: the one the next response frame answers. */
    InFlightRequest nextAwaitingResponse() {
        for (InFlightRequest request : pending) {
            if (request.request.expectResponse()) {
                return request;
            }
        }
        return null;
    }

    void remove(InFlightRequest request) {
        pending.remove(request);
    }

    /** Whether every frame handed to the transport was reported written (Kafka sends no more before that). */
    boolean allWritten() {
        return unwritten.isEmpty();
    }

    int size() {
        return pending.size();
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The first request past its deadline at {@code nowMs}, or {@code null}. */
    InFlightRequest firstExpired(long nowMs) {
        for (InFlightRequest request : pending) {
            if (nowMs >= request.deadlineMs()) {
                return request;
            }
        }
        return null;
    }

    /** The earliest deadline of any request, or {@link Long#MAX_VALUE}. */
    long nextDeadlineMs() {
        long next = Long.MAX_VALUE;
        for (InFlightRequest request : pending) {
            next = Math.min(next, request.deadlineMs());
        }
        return next;
    }

    /** Removes and returns every request, oldest first (the connection is gone). */
    List<InFlightRequest> clear() {
        List<InFlightRequest> all = new ArrayList<>(pending);
        pending.clear();
        unwritten.clear();
        return all;
    }

    Iterator<InFlightRequest> iterator() {
        return pending.iterator();
    }
}
