package io.sluice.codec.snappy;

/**
 * One block of input and one compressed chunk (length field included): the buffers a stream
 * needs, and a ByteBuffer batch needs when source and target are of different kinds (heap/direct).
 * Not thread-safe: owned by one thread between borrowing it from the pool and handing it back.
 */
final class SnappyScratch {
    final byte[] input = new byte[XerialFraming.BLOCK_SIZE];
    final byte[] chunk = new byte[XerialFraming.CHUNK_LENGTH_FIELD + XerialFraming.maxCompressedBlockLength(XerialFraming.BLOCK_SIZE)];
}
