package io.basalt.tpch;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this whole process has used so far (every thread: the embedded database's workers, a peer
 * database's native threads in the same JVM, the JIT and the garbage collector), for how busy the cores were
 * during a query. Where the JVM does not tell, {@link #nanos()} is negative.
 */
final class ProcessCpuClock {

    private ProcessCpuClock() {
    }

    /** Process CPU nanoseconds so far, or -1 where the platform does not measure it. */
    static long nanos() {
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
