package io.sluice.testkit;

import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The secured side of a cluster: listeners beside PLAINTEXT, PLAIN users for the brokers' JAAS configs, and the
 * certificates for TLS (null: made when the cluster starts). A value, so equal cluster specs share a cluster.
 *
 * @param listeners    extra listeners, in the order they were added
 * @param plainUsers   PLAIN users by name (their passwords)
 * @param certificates given certificates, or null
 */
record SecuritySpec(List<ListenerSpec> listeners, SortedMap<String, String> plainUsers, TestCertificates certificates) {

    static final SecuritySpec NONE = new SecuritySpec(List.of(), new TreeMap<>(), null);

    SecuritySpec {
        listeners = List.copyOf(listeners);
        plainUsers = Collections2.immutableSorted(plainUsers);
    }

    boolean usesTls() {
        return listeners.stream().anyMatch(ListenerSpec::usesTls);
    }

    /** The listener with this name. */
    ListenerSpec listener(String name) {
        Objects.requireNonNull(name, "name");
        return listeners.stream().filter(listener -> listener.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The cluster has no listener " + name + "; it has "
                        + NodeConfigs.BROKER_LISTENER + listeners.stream().map(l -> ", " + l.name()).reduce("", String::concat)));
    }
}
