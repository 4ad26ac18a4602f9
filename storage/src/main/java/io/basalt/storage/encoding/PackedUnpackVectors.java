package io.basalt.storage.encoding;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Consecutive bit-packed values unpacked a vector's worth at a time ({@link PackedIntLanes}), for the decodes of whole
 * stretches of a block ({@link PackedLongs#unpack}, and the gathers at rows dense enough that unpacking every row
 * between the first and the last and keeping the wanted ones is cheaper than reading those one by one). Longs are
 * written half a vector at a time, each int lane widened. On JDK 25 with 512-bit vectors: 0.1 ns a value against
 * about 1 for the scalar loop (twenty-third session, docs/benchmarks.md).
 */
final class PackedUnpackVectors {

    private static final VectorSpecies<Integer> INTS = PackedIntLanes.INTS;
    private static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, INTS.vectorShape());
    private static final int LANES = PackedIntLanes.lanes();
    private static final int HALF = LONGS.length();

    private PackedUnpackVectors() {
    }

    /**
     * {@code out[at + i] = add + value i} for the {@code rows} values (a multiple of {@link PackedIntLanes#lanes()})
     * of {@code width} bits whose first is at byte {@code firstByte} of {@code bytes}; every group's load must lie
     * in {@code bytes}.
     */
    static void unpackLongs(byte[] bytes, int firstByte, int width, int rows, long add, long[] out, int at) {
        ByteVector shuffle = PackedIntLanes.shuffle(width);
        IntVector shifts = PackedIntLanes.shifts(width);
        IntVector mask = PackedIntLanes.mask(width);
        int step = PackedIntLanes.groupBytes(width);
        int source = firstByte;
        for (int end = at + rows; at < end; at += LANES, source += step) {
            IntVector values = PackedIntLanes.group(shuffle, shifts, mask, bytes, source);
            for (int part = 0; part < LANES / HALF; part++) {
                ((LongVector) values.convertShape(VectorOperators.I2L, LONGS, part)).add(add)
                        .intoArray(out, at + part * HALF);
            }
        }
    }

    /** As {@link #unpackLongs}, into ints, adding nothing (dictionary codes). */
    static void unpackInts(byte[] bytes, int firstByte, int width, int rows, int[] out, int at) {
        ByteVector shuffle = PackedIntLanes.shuffle(width);
        IntVector shifts = PackedIntLanes.shifts(width);
        IntVector mask = PackedIntLanes.mask(width);
        int step = PackedIntLanes.groupBytes(width);
        int source = firstByte;
        for (int end = at + rows; at < end; at += LANES, source += step) {
            PackedIntLanes.group(shuffle, shifts, mask, bytes, source).intoArray(out, at);
        }
    }
}
