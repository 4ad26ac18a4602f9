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
            boolean equal = operator == Function.EQUAL;
            for (int i = 0; i < rows; i++) {
                out[i] = Arrays.equals(aData, aOffsets[i], aOffsets[i + 1], bData, bOffsets[i], bOffsets[i + 1]) == equal;
            }
            return;
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Arrays.compareUnsigned(aData, aOffsets[i], aOffsets[i + 1], bData, bOffsets[i], bOffsets[i + 1]);
        }
        OrderResults.apply(operator, order, out, rows);
    }

    static void compare(Function operator, BytesVector a, byte[] constant, boolean[] out, int rows) {
        byte[] data = a.data();
        int[] offsets = a.offsets();
        int length = constant.length;
        if (operator == Function.EQUAL || operator == Function.NOT_EQUAL) {
            boolean equal = operator == Function.EQUAL;
            if (length <= ShortTextKeys.MAX_LENGTH) {
                long key = ShortTextKeys.of(constant);
                for (int i = 0; i < rows; i++) {
                    int start = offsets[i];
                    int valueLength = offsets[i + 1] - start;
                    out[i] = (valueLength == length && ShortTextKeys.of(data, start, length) == key) == equal;
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                int start = offsets[i];
                int end = offsets[i + 1];
                out[i] = (end - start == length && Arrays.equals(data, start, end, constant, 0, length)) == equal;
            }
            return;
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = Arrays.compareUnsigned(data, offsets[i], offsets[i + 1], constant, 0, length);
        }
        OrderResults.apply(operator, order, out, rows);
    }
}
