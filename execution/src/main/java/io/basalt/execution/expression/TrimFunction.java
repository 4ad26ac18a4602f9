package io.basalt.execution.expression;

import io.basalt.storage.vector.BytesVector;

import java.util.Arrays;

/**
 * {@code TRIM_BOTH/LEADING/TRAILING(value, characters)}: removes characters that occur in
 * {@code characters} from the chosen ends. The set is built once per distinct characters string (once in
 * total for the usual constant); ASCII members are a 128-entry table, others a sorted array.
 */
final class TrimFunction {

    private final boolean leading;
    private final boolean trailing;

    private TrimFunction(boolean leading, boolean trailing) {
        this.leading = leading;
        this.trailing = trailing;
    }

    static CompiledExpression compile(Function function, Operand value, Operand characters) {
        TrimFunction trim = new TrimFunction(function != Function.TRIM_TRAILING, function != Function.TRIM_LEADING);
        return input -> {
            int rows = input.rowCount();
            BytesVector text = (BytesVector) value.evaluate(input);
            BytesVector sets = (BytesVector) characters.evaluate(input);
            BytesVector result = new BytesVector(rows, text.dataSize());
            byte[] data = text.data();
            CharacterSet set = null;
            byte[] setBytes = null;
            for (int i = 0; i < rows; i++) {
                if (text.isNull(i) || sets.isNull(i)) {
                    result.appendNull();
                    continue;
                }
                if (set == null || !Arrays.equals(setBytes, 0, setBytes.length, sets.data(), sets.offset(i), sets.offset(i) + sets.length(i))) {
                    setBytes = sets.getBytes(i);
                    set = new CharacterSet(setBytes);
                }
                int start = text.offset(i);
                int end = start + text.length(i);
                if (trim.leading) {
                    while (start < end) {
                        int length = Utf8.sequenceLength(data[start]);
                        if (!set.contains(data, start, length)) {
                            break;
                        }
                        start += length;
                    }
                }
                if (trim.trailing) {
                    while (end > start) {
                        int lead = end - 1;
                        while (lead > start && Utf8.isContinuation(data[lead])) {
                            lead--;
                        }
                        if (!set.contains(data, lead, end - lead)) {
                            break;
                        }
                        end = lead;
                    }
                }
                result.append(data, start, end - start);
            }
            return result;
        };
    }

    /** The code points of a characters argument. */
    private static final class CharacterSet {

        private final boolean[] ascii = new boolean[128];
        private final int[] others;

        CharacterSet(byte[] utf8) {
            int[] collected = new int[utf8.length];
            int count = 0;
            for (int position = 0; position < utf8.length; position += Utf8.sequenceLength(utf8[position])) {
                int codePoint = Utf8.decode(utf8, position);
                if (codePoint < 128) {
                    ascii[codePoint] = true;
                } else {
                    collected[count++] = codePoint;
                }
            }
            others = Arrays.copyOf(collected, count);
            Arrays.sort(others);
        }

        boolean contains(byte[] data, int position, int length) {
            int first = data[position];
            if (first >= 0) {
                return ascii[first];
            }
            return others.length > 0 && Arrays.binarySearch(others, Utf8.decode(data, position)) >= 0;
        }
    }
}
