package io.basalt.storage.vector;

/**
 * Text without trailing blanks, the form CHAR(n) values take in Basalt: trailing blanks do not count in CHAR
 * values, so storage keeps them without (as does a CAST to CHAR).
 */
public final class TrailingBlanks {

    private TrailingBlanks() {
    }

    /** The values without trailing blanks; {@code values} itself when none has any. */
    public static BytesVector removed(BytesVector values) {
        byte[] data = values.data();
        int rows = values.positionCount();
        boolean anyBlank = false;
        for (int i = 0; i < rows && !anyBlank; i++) {
            anyBlank = values.length(i) > 0 && data[values.offset(i) + values.length(i) - 1] == ' ';
        }
        if (!anyBlank) {
            return values;
        }
        BytesVector result = new BytesVector(rows, values.dataSize());
        for (int i = 0; i < rows; i++) {
            if (values.isNull(i)) {
                result.appendNull();
                continue;
            }
            int start = values.offset(i);
            int end = start + values.length(i);
            while (end > start && data[end - 1] == ' ') {
                end--;
            }
            result.append(data, start, end - start);
        }
        return result;
    }
}
