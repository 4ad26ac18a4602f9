package io.basalt.storage.encoding;

/**
 * Whether the kernels written with the JDK's Vector API ({@link PackedRangeVectors}, {@link PackedBitmapVectors}) run,
 * decided once per process.
 * The API is an incubating module ({@code jdk.incubator.vector}): it is there only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} ({@code bin/basalt} adds it on JDK 21 and later), and no class that uses
 * it is loaded otherwise. By default the kernels run on JDK 21 and later with 512-bit vectors, where they were measured
 * to pay (on JDK 17 the same code ran slower than the scalar loops). The system property {@code basalt.vectors} says
 * {@code off} (never) or {@code on} (whenever the module is there, any JDK and vector size: the tests use it so both
 * paths are tested on any build machine).
 */
final class VectorInstructions {

    /** The widest packed values the kernels test ({@link PackedIntLanes}): each must lie within four bytes. */
    static final int MAX_RANGE_WIDTH = 25;

    /** Whether {@link PackedLongs} tests consecutive values against ranges and bitmaps with vectors. */
    static final boolean PACKED_KERNELS = decide(System.getProperty("basalt.vectors", "auto"));

    private VectorInstructions() {
    }

    static boolean decide(String setting) {
        if (setting.equals("off") || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            boolean wide = PackedIntLanes.hasWideVectors(); // initializes the kernel's tables here, not in a query
            return setting.equals("on") || Runtime.version().feature() >= 21 && wide;
        } catch (LinkageError e) {
            return false; // the module is there but unusable: the scalar loops are always correct
        }
    }
}
