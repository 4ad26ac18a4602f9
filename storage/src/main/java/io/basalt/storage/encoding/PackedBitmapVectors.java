package io.basalt.storage.encoding;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The bitmap test of {@link PackedLongs#selectInBitmap} (a join filter's exact key set) over consecutive bit-packed
 * values, a vector's worth at a time: the values ({@link PackedIntLanes}) plus the shift to the bitmap's first key are
 * the bit offsets; offsets past the bitmap's span are dropped by one unsigned comparison; the bitmap's 64-bit words
 * are gathered at {@code offset / 64} half a vector at a time (the Vector API gathers from an index array), shifted
 * by {@code offset % 64} and their low bits compared, which gives the kept lanes. On JDK 25 with 512-bit vectors,
 * 18-bit keys: 1.1 ns a row with 0.7 % kept and 1.25 at 20 %, against 2.1–2.5 for the scalar loops (twenty-third
 * session, docs/benchmarks.md).
 */
final class PackedBitmapVectors {

    private static final VectorSpecies<Integer> INTS = PackedIntLanes.INTS;
    /** Half as many long lanes as int lanes: the vector of offsets is gathered by in two halves. */
    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, INTS.vectorShape());
    private static final int LANES = PackedIntLanes.lanes();
    private static final int HALF = LONGS.length();

    private PackedBitmapVectors() {
    }

    /**
     * Whether the kernel can test values with this shift to the bitmap's first bit: every value of up to
     * {@value VectorInstructions#MAX_RANGE_WIDTH} bits plus the shift must be computed exactly in an int lane.
     */
    static boolean fitsInLanes(long shift) {
        return Math.abs(shift) <= 1L << 30;
    }

    /**
     * Tests {@code rows} values (a multiple of {@link PackedIntLanes#lanes()}) of {@code width} bits, the first at
     * byte {@code firstByte} of {@code bytes}: value {@code v} is kept when {@code v + shift} lies in {@code [0, span]}
     * and has its bit set in {@code words}. Writes the kept ones' rows ({@code row} for the first value, counting up)
     * to {@code out} from {@code kept} on and returns the new count. {@code shift} must {@link #fitsInLanes fit};
     * {@code words} must hold bit {@code span}; every group's load must lie in {@code bytes}.
     */
    static int select(byte[] bytes, int firstByte, int width, int row, int rows, long shift, long span, long[] words,
                      int[] out, int kept) {
        ByteVector shuffle = PackedIntLanes.shuffle(width);
        IntVector shifts = PackedIntLanes.shifts(width);
        IntVector mask = PackedIntLanes.mask(width);
        IntVector firstKey = IntVector.broadcast(INTS, (int) shift);
        // Offsets are below 2^31, so a span past it keeps every non-negative one.
        IntVector spans = IntVector.broadcast(INTS, (int) Math.min(span, Integer.MAX_VALUE));
        int[] wordIndexes = new int[LANES];
        int step = PackedIntLanes.groupBytes(width);
        int at = firstByte;
        for (int end = row + rows; row < end; row += LANES, at += step) {
            IntVector offsets = PackedIntLanes.group(shuffle, shifts, mask, bytes, at).add(firstKey);
            VectorMask<Integer> inside = offsets.compare(VectorOperators.GE, 0)
                    .and(offsets.compare(VectorOperators.LE, spans));
            // Outside lanes read word 0, and their outcome is dropped by the mask.
            offsets = offsets.blend(0, inside.not());
            offsets.lanewise(VectorOperators.LSHR, 6).intoArray(wordIndexes, 0);
            long set = 0;
            for (int part = 0; part < LANES / HALF; part++) {
                LongVector bits = (LongVector) offsets.convertShape(VectorOperators.I2L, LONGS, part);
                set |= LongVector.fromArray(LONGS, words, 0, wordIndexes, part * HALF)
                        .lanewise(VectorOperators.LSHR, bits).and(1L)
                        .compare(VectorOperators.NE, 0L).toLong() << part * HALF;
            }
            kept = KeptLanes.write(set & inside.toLong(), row, out, kept);
        }
        return kept;
    }
}
