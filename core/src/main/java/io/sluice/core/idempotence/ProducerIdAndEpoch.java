package io.sluice.core.idempotence;

/**
 * The producer id and epoch the broker handed out with InitProducerId; every batch carries them.
 *
 * @param producerId -1 until known
 * @param epoch      -1 until known
 */
public record ProducerIdAndEpoch(long producerId, short epoch) {

    public static final ProducerIdAndEpoch NONE = new ProducerIdAndEpoch(-1L, (short) -1);

    public boolean isValid() {
        return producerId >= 0 && epoch >= 0;
    }

    /** The same id with the next epoch (a local bump, KIP-360). */
    ProducerIdAndEpoch bumped() {
        return new ProducerIdAndEpoch(producerId, (short) (epoch + 1));
    }

    @Override
    public String toString() {
        return "(producerId=" + producerId + ", epoch=" + epoch + ")";
    }
}
