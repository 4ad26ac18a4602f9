package io.basalt.tpch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The Java heap a query used at its peak, for a database that runs in this process (Basalt embedded): the heap
 * pools' peak usage is reset before the query and summed after it. The sum of the pools' peaks is an upper bound
 * (the young and old pools need not peak at the same moment) and counts garbage not yet collected, so it says
 * how much heap a query needs at most, not how much it held live.
 */
final class HeapPeak {

    private final List<MemoryPoolMXBean> heapPools;

    private HeapPeak(List<MemoryPoolMXBean> heapPools) {
        this.heapPools = heapPools;
    }

    /** Starts measuring: forgets the peaks of everything that ran before. */
    static HeapPeak start() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        return new HeapPeak(pools);
    }

    /** The sum of the heap pools' peak usage since {@link #start()}, in bytes. */
    long bytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage peak = pool.getPeakUsage();
            if (peak != null) {
                bytes += peak.getUsed();
            }
        }
        return bytes;
    }
}
