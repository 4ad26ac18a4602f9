package io.basalt.storage.csv;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recycles chunk buffers between the thread that fills them and the workers that release them after parsing.
 * Chunk buffers are several megabytes, large enough that allocating one per chunk costs zeroing and, on G1, a
 * humongous allocation each; a load only ever needs as many as it has chunks in flight.
 */
final class BufferPool {

    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();
    private final int maxFree;

    BufferPool(int maxFree) {
        this.maxFree = maxFree;
    }

    /** A buffer of at least {@code minimumSize} bytes; its contents are unspecified. */
    byte[] acquire(int minimumSize) {
        byte[] buffer = free.poll();
        if (buffer != null) {
            freeCount.decrementAndGet();
            // A buffer grown for one long record is dropped rather than making every later chunk that long.
            if (buffer.length >= minimumSize && buffer.length <= 4L * minimumSize) {
                return buffer;
            }
        }
        return new byte[minimumSize];
    }

    void release(byte[] buffer) {
        if (freeCount.incrementAndGet() <= maxFree) {
            free.offer(buffer);
        } else {
            freeCount.decrementAndGet();
        }
    }
}
