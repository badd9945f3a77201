package io.sluice.core.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses; the JDK's DNS by default, scripted in tests. Implementations are thread-safe. */
@FunctionalInterface
public interface HostResolver {

    /** The JDK resolver ({@link InetAddress#getAllByName}). */
    HostResolver DEFAULT = InetAddress::getAllByName;

    /**
     * Every address of {@code host}, in the resolver's order.
     *
     * @throws UnknownHostException if the name does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
