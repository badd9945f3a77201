package io.sluice.core.accumulate;

import java.nio.ByteBuffer;

/** Makes new batch buffers for the {@link BufferPool}. Stateless implementations; thread-safe. */
@FunctionalInterface
public interface BufferAllocator {

    ByteBuffer allocate(int size);

    /** Heap buffers: cheap to create, copied once more by the JDK on socket writes. */
    BufferAllocator HEAP = ByteBuffer::allocate;

    /** Direct buffers: written to sockets and native codecs without a copy. */
    BufferAllocator DIRECT = ByteBuffer::allocateDirect;
}
