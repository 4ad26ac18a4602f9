package io.basalt.storage.encoding;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The range test of {@link PackedLongs#selectInRange} over consecutive bit-packed values, a vector's worth of values at
 * a time ({@link PackedIntLanes} unpacks them): two comparisons give the lanes in range as a bit mask, whose set bits
 * are the kept rows. On JDK 25 with 512-bit vectors: 0.06 ns a value for the mask (17-bit values), 0.45 ns with the
 * kept rows written at half kept, against 1.4–2.4 ns a value for the scalar loop (twenty-second session,
 * docs/benchmarks.md).
 */
final class PackedRangeVectors {

    private static final int LANES = PackedIntLanes.lanes();
    private static final long ALL_LANES = LANES == Long.SIZE ? -1L : (1L << LANES) - 1;

    private PackedRangeVectors() {
    }

    /**
     * Tests {@code rows} values (a multiple of {@link PackedIntLanes#lanes()}) of {@code width} bits, the first at
     * byte {@code firstByte} of {@code bytes}, against {@code [low, high]}; writes the kept ones' rows ({@code row} for
     * the first value, counting up) to {@code out} from {@code kept} on and returns the new count. Every group's load,
     * {@link PackedIntLanes#loadBytes()} from its first byte, must lie in {@code bytes}.
     */
    static int select(byte[] bytes, int firstByte, int width, int row, int rows, int low, int high, int[] out,
                      int kept) {
        ByteVector shuffle = PackedIntLanes.shuffle(width);
        IntVector shifts = PackedIntLanes.shifts(width);
        IntVector mask = PackedIntLanes.mask(width);
        IntVector lowest = IntVector.broadcast(PackedIntLanes.INTS, low);
        IntVector highest = IntVector.broadcast(PackedIntLanes.INTS, high);
        int step = PackedIntLanes.groupBytes(width);
        int at = firstByte;
        for (int end = row + rows; row < end; row += LANES, at += step) {
            IntVector values = PackedIntLanes.group(shuffle, shifts, mask, bytes, at);
            long inRange = values.compare(VectorOperators.GE, lowest)
                    .and(values.compare(VectorOperators.LE, highest)).toLong();
            if (inRange == ALL_LANES) {
                for (int lane = 0; lane < LANES; lane++) {
                    out[kept + lane] = row + lane;
                }
                kept += LANES;
            } else {
                kept = KeptLanes.write(inRange, row, out, kept);
            }
        }
        return kept;
    }
}
