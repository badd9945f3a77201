package io.sluice.core.protocol;

import java.util.UUID;

/** Kafka topic ids as {@link UUID}s: two big-endian int64s on the wire; all zeros means "no id". Stateless. */
public final class Uuids {

    /** Kafka's {@code Uuid.ZERO_UUID}: the id of a topic whose id is unknown or not carried by the version. */
    public static final UUID ZERO = new UUID(0L, 0L);

    private Uuids() {
    }

    public static boolean isZero(UUID id) {
        return id.getMostSignificantBits() == 0L && id.getLeastSignificantBits() == 0L;
    }
}
