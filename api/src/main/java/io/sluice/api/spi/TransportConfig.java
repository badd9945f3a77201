package io.sluice.api.spi;

import java.util.Map;

/**
 * What a {@link Transport} needs to know from the producer's configuration. An interface so it can
 * grow by addition.
 */
public interface TransportConfig {

    /** {@return {@code client.id}, for thread names and logs} */
    String clientId();

    /** {@return {@code send.buffer.bytes}: SO_SNDBUF, or -1 for the OS default} */
    int sendBufferBytes();

    /** {@return {@code receive.buffer.bytes}: SO_RCVBUF, or -1 for the OS default} */
    int receiveBufferBytes();

    /** {@return {@code connections.max.idle.ms}: close a connection with no traffic for this long; -1 never} */
    long connectionsMaxIdleMs();

    /**
     * The largest frame accepted from a peer, in bytes. A larger size prefix means a corrupt
     * stream (or not a Kafka broker): the transport closes the connection and reports why,
     * instead of trying to allocate the memory.
     *
     * @return {@code sluice.max.response.bytes}, in bytes
     */
    int maxReceiveFrameBytes();

    /** {@return {@code security.protocol}, upper case: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL} */
    String securityProtocol();

    /**
     * The producer's whole configuration, as given by the user, for settings a transport
     * defines beyond these (e.g. {@code ssl.*}).
     *
     * @return the user's keys and values as given, unparsed; do not modify
     */
    Map<String, ?> originals();
}
