package io.basalt.storage.encoding;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Bit-packed values of at most {@value VectorInstructions#MAX_RANGE_WIDTH} bits, a vector's worth at a time, one value
 * an int lane, with the JDK's Vector API (incubating: only loaded when {@link VectorInstructions} says the module is
 * there). The vector kernels over packed blocks ({@link PackedRangeVectors}, {@link PackedBitmapVectors}) start here.
 *
 * <p>Such a value lies within the four bytes from its first byte, so one load of a group's bytes, a byte rearrangement
 * putting each value's four bytes into its int lane, a lane-wise shift by the value's bit offset in its first byte and
 * a mask give a vector of values. A group is {@link #lanes()} values, a multiple of eight, so every group starts on a
 * byte boundary and uses the same rearrangement and shifts (one set per width, made once).
 */
final class PackedIntLanes {

    static final VectorSpecies<Integer> INTS = ints();
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, INTS.vectorShape());
    private static final int LANES = INTS.length();
    private static final ByteVector[] SHUFFLES = shuffles();
    private static final IntVector[] SHIFTS = shifts();

    private PackedIntLanes() {
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

    /** Bytes from one group's first byte to the next's, at this width. */
    static int groupBytes(int width) {
        return LANES / 8 * width;
    }

    /** The byte rearrangement of this width: each value's four bytes into its lane. */
    static ByteVector shuffle(int width) {
        return SHUFFLES[width];
    }

    /** The lanes' shifts at this width: each value's bit offset in its first byte. */
    static IntVector shifts(int width) {
        return SHIFTS[width];
    }

    /** The mask of a value's bits at this width, in every lane. */
    static IntVector mask(int width) {
        return IntVector.broadcast(INTS, (1 << width) - 1);
    }

    /**
     * The group of values whose first value starts at byte {@code at}, by the {@link #shuffle}, {@link #shifts} and
     * {@link #mask} of their width (taken out of the kernels' loops by the kernels: vectors kept in an object's fields
     * cost the range test a third more); the group's {@link #loadBytes()} must lie in {@code bytes}.
     */
    static IntVector group(ByteVector shuffle, IntVector shifts, IntVector mask, byte[] bytes, int at) {
        return shuffle.selectFrom(ByteVector.fromArray(BYTES, bytes, at)).reinterpretAsInts()
                .lanewise(VectorOperators.LSHR, shifts).and(mask);
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
}
