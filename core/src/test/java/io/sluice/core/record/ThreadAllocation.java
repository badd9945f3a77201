package io.sluice.core.record;

import java.lang.reflect.Method;

/**
 * Bytes allocated by the current thread: {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes},
 * reached reflectively (io.sluice.core does not read java.management). For tests that pin the hot path's
 * allocation budget; they must fail, not skip, where {@link #isSupported()} is false.
 */
public final class ThreadAllocation {
    private final Object bean;
    private final Method allocatedBytes;

    private ThreadAllocation(Object bean, Method allocatedBytes) {
        this.bean = bean;
        this.allocatedBytes = allocatedBytes;
    }

    public static ThreadAllocation ofCurrentThread() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Method method = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class);
            return new ThreadAllocation(bean, method);
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ThreadAllocation(null, null);
        }
    }

    public boolean isSupported() {
        return bean != null;
    }

    public long bytes() throws ReflectiveOperationException {
        return (long) allocatedBytes.invoke(bean, Thread.currentThread().getId());
    }
}
