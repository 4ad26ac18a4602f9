package io.basalt.storage.encoding;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The range test of {@link PackedLongs#selectInRange} over consecutive bit-packed values, a vector's worth of values at
 * a time with the JDK's Vector API (incubating: only loaded when {@link VectorInstructions} says the module is there).
 *
 * <p>Values of at most {@value VectorInstructions#MAX_RANGE_WIDTH} bits lie within the four bytes from their first
 * byte, so one load of the group's bytes, a byte rearrangement putting each value's four bytes into its int lane, a
 * lane-wise shift by the value's bit offset in its first byte and a mask give a vector of values; two comparisons give
 * the lanes in range as a bit mask, whose set bits are the kept rows. A group is {@code lanes} values, a multiple of
 * eight, so every group starts on a byte boundary and uses the same rearrangement and shifts (one set per width). On
 * JDK 25 with 512-bit vectors: 0.06 ns a value for the mask (17-bit values), 0.45 ns with the kept rows written at
 * half kept, against 1.4–2.4 ns a value for the scalar loop (twenty-second session, docs/benchmarks.md).
 */
final class PackedRangeVectors {

    private static final VectorSpecies<Integer> INTS = ints();
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, INTS.vectorShape());
    private static final int LANES = INTS.length();
    private static final long ALL_LANES = LANES == Long.SIZE ? -1L : (1L << LANES) - 1;
    private static final ByteVector[] SHUFFLES = shuffles();
    private static final IntVector[] SHIFTS = shifts();

    private PackedRangeVectors() {
    }

    /** The platform's preferred int species when it has eight lanes or more, else the 256-bit one (emulated). */
    private static VectorSpecies<Integer> ints() {
        VectorSpecies<Integer> preferred = IntVector.SPECIES_PREFERRED;
        return preferred.length() >= 8 ? preferred : IntVector.SPECIES_256;
    }

    /** Values per group; a multiple of eight. */
    static int lanes() {
        return LANES;
    }

    /** Bytes a group's load reads from its first byte. */
    static int loadBytes() {
        return BYTES.length();
    }

    /** Whether the platform's own vectors hold sixteen ints (512 bits): the only shape measured to pay. */
    static boolean hasWideVectors() {
        return IntVector.SPECIES_PREFERRED.length() >= 16;
    }

    private static ByteVector[] shuffles() {
        ByteVector[] shuffles = new ByteVector[VectorInstructions.MAX_RANGE_WIDTH + 1];
        for (int width = 1; width <= VectorInstructions.MAX_RANGE_WIDTH; width++) {
            byte[] sources = new byte[BYTES.length()];
            for (int lane = 0; lane < LANES; lane++) {
                int firstByte = lane * width >>> 3;
                for (int b = 0; b < Integer.BYTES; b++) {
                    sources[lane * Integer.BYTES + b] = (byte) (firstByte + b);
                }
            }
            shuffles[width] = ByteVector.fromArray(BYTES, sources, 0);
        }
        return shuffles;
    }

    private static IntVector[] shifts() {
        IntVector[] shifts = new IntVector[VectorInstructions.MAX_RANGE_WIDTH + 1];
        for (int width = 1; width <= VectorInstructions.MAX_RANGE_WIDTH; width++) {
            int[] bits = new int[LANES];
            for (int lane = 0; lane < LANES; lane++) {
                bits[lane] = lane * width & 7;
            }
            shifts[width] = IntVector.fromArray(INTS, bits, 0);
        }
        return shifts;
    }

    /**
     * Tests {@code rows} values (a multiple of {@link #lanes()}) of {@code width} bits, the first at byte
     * {@code firstByte} of {@code bytes}, against {@code [low, high]}; writes the kept ones' rows ({@code row} for the
     * first value, counting up) to {@code out} from {@code kept} on and returns the new count. Every group's load,
     * {@link #loadBytes()} from its first byte, must lie in {@code bytes}.
     */
    static int select(byte[] bytes, int firstByte, int width, int row, int rows, int low, int high, int[] out,
                      int kept) {
        ByteVector shuffle = SHUFFLES[width];
        IntVector shifts = SHIFTS[width];
        IntVector mask = IntVector.broadcast(INTS, (1 << width) - 1);
        IntVector lowest = IntVector.broadcast(INTS, low);
        IntVector highest = IntVector.broadcast(INTS, high);
        int step = LANES / 8 * width;
        int at = firstByte;
        for (int end = row + rows; row < end; row += LANES, at += step) {
            IntVector values = shuffle.selectFrom(ByteVector.fromArray(BYTES, bytes, at)).reinterpretAsInts()
                    .lanewise(VectorOperators.LSHR, shifts).and(mask);
            long inRange = values.compare(VectorOperators.GE, lowest)
                    .and(values.compare(VectorOperators.LE, highest)).toLong();
            if (inRange == ALL_LANES) {
                for (int lane = 0; lane < LANES; lane++) {
                    out[kept + lane] = row + lane;
                }
                kept += LANES;
            } else {
                while (inRange != 0) {
                    out[kept++] = row + Long.numberOfTrailingZeros(inRange);
                    inRange &= inRange - 1;
                }
            }
        }
        return kept;
    }
}
