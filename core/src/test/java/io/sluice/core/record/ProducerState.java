package io.sluice.core.record;

/** Producer id, epoch, base sequence and transactional flag of a batch, for tests. */
record ProducerState(long producerId, short epoch, int baseSequence, boolean transactional) {

    static final ProducerState NONE = new ProducerState(-1L, (short) -1, -1, false);
}
