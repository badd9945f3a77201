package io.sluice.api.spi;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Receives what a {@link Transport} has to report, during {@link Transport#poll}, on the
 * sender thread. Implementations must not block.
 */
public interface TransportListener {

    /**
     * The connection is established (TCP, and TLS if any) and may {@link Transport#send send}.
     *
     * @param connectionId the id given to {@link Transport#connect}
     */
    void onConnected(int connectionId);

    /**
     * The connection is gone: the peer closed it, it failed, it could not be established, or
     * it was idle too long. Frames not yet reported as sent may or may not have reached the peer.
     * After this the id may be reused for a new {@link Transport#connect connect}.
     *
     * @param connectionId the connection's id
     * @param cause        why, or {@code null} if closed by {@link Transport#disconnect} or for idleness
     */
    void onDisconnected(int connectionId, IOException cause);

    /**
     * The oldest frame not yet reported was written completely to the socket; its buffers may be reused.
     *
     * @param connectionId the connection the frame was sent on
     */
    void onFrameSent(int connectionId);

    /**
     * A whole frame arrived. {@code frame} holds its payload (without the 4-byte size prefix),
     * from position to limit. It is valid only during this call: the transport reuses the memory
     * afterwards, so copy what must outlive the call.
     *
     * @param connectionId the connection the frame came from
     * @param frame        the payload, from position to limit
     */
    void onFrameReceived(int connectionId, ByteBuffer frame);
}
