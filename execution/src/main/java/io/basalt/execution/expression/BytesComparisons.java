package io.basalt.execution.expression;

import io.basalt.storage.vector.BytesVector;

import java.util.Arrays;

/**
 * Comparisons of text by unsigned UTF-8 bytes, which is code point order. Equality checks lengths first and
 * then the bytes with {@link Arrays#equals(byte[], int, int, byte[], int, int)}; ordering uses
 * {@link Arrays#compareUnsigned(byte[], int, int, byte[], int, int)}; both are JIT intrinsics that compare
 * many bytes per instruction. A constant of at most eight bytes is compared as one long ({@link ShortTextKeys}),
 * below the intrinsics' set-up cost.
 */
final class BytesComparisons {

    private BytesComparisons() {
    }

    static void compare(Function operator, BytesVector a, BytesVector b, boolean[] out, int rows) {
        byte[] aData = a.data();
        int[] aOffsets = a.offsets();
        byte[] bData = b.data();
        int[] bOffsets = b.offsets();
        if (operator == Function.EQUAL || operator == Function.NOT_EQUAL) {
            equality(operator == Function.EQUAL, aData, aOffsets, bData, bOffsets, out, rows);
        } else {
            OrderResults.apply(operator, order(aData, aOffsets, bData, bOffsets, rows), out, rows);
        }
    }

    static void compare(Function operator, BytesVector a, byte[] constant, boolean[] out, int rows) {
        byte[] data = a.data();
        int[] offsets = a.offsets();
        if (operator != Function.EQUAL && operator != Function.NOT_EQUAL) {
            OrderResults.apply(operator, order(data, offsets, constant, rows), out, rows);
        } else if (constant.length <= ShortTextKeys.MAX_LENGTH) {
            equalityAsKeys(operator == Function.EQUAL, data, offsets, constant, out, rows);
        } else {
            equality(operator == Function.EQUAL, data, offsets, constant, out, rows);
        }
    }

    // One loop a method: C2 compiles each from its own profile (see LongComparisons).

    private static void equality(boolean equal, byte[] aData, int[] aOffsets, byte[] bData, int[] bOffsets,
                                 boolean[] out, int rows) {
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.equals(aData, aOffsets[i], aOffsets[i + 1], bData, bOffsets[i], bOffsets[i + 1]) == equal;
        }
    }

    private static int[] order(byte[] aData, int[] aOffsets, byte[] bData, int[] bOffsets, int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Arrays.compareUnsigned(aData, aOffsets[i], aOffsets[i + 1], bData, bOffsets[i], bOffsets[i + 1]);
        }
        return order;
    }

    private static void equalityAsKeys(boolean equal, byte[] data, int[] offsets, byte[] constant, boolean[] out,
                                       int rows) {
        int length = constant.length;
        long key = ShortTextKeys.of(constant);
        for (int i = 0; i < rows; i++) {
            int start = offsets[i];
            int valueLength = offsets[i + 1] - start;
            out[i] = (valueLength == length && ShortTextKeys.of(data, start, length) == key) == equal;
        }
    }

    private static void equality(boolean equal, byte[] data, int[] offsets, byte[] constant, boolean[] out, int rows) {
        int length = constant.length;
        for (int i = 0; i < rows; i++) {
            int start = offsets[i];
            int end = offsets[i + 1];
            out[i] = (end - start == length && Arrays.equals(data, start, end, constant, 0, length)) == equal;
        }
    }

    private static int[] order(byte[] data, int[] offsets, byte[] constant, int rows) {
        int length = constant.length;
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Arrays.compareUnsigned(data, offsets[i], offsets[i + 1], constant, 0, length);
        }
        return order;
    }
}
