package io.basalt.storage.vector;

import io.basalt.storage.encoding.TestVectors;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk appends of {@link BytesVector} give the same vector as appending value by value. */
class BytesVectorBulkTest {

    private static final String LONG_VALUE = "a value longer than eight bytes";

    @Test
    void appendSlicesSpreadsValuesOverNonNullRows() {
        byte[] source = ("xx" + LONG_VALUE + "b").getBytes(StandardCharsets.UTF_8);
        BytesVector vector = new BytesVector(1, 0);
        vector.append("first");
        vector.appendSlices(source, new int[] {2, 2 + LONG_VALUE.length(), 0}, new int[] {LONG_VALUE.length(), 1, 0},
                new boolean[] {false, true, false, false}, 4);

        assertThat(values(vector)).containsExactly("first", LONG_VALUE, null, "b", "");
        assertThat(vector.mayHaveNulls()).isTrue();
    }

    @Test
    void appendSlicesWithoutNulls() {
        byte[] source = "abc".getBytes(StandardCharsets.UTF_8);
        BytesVector vector = new BytesVector(0, 0);
        vector.appendSlices(source, new int[] {2, 0}, new int[] {1, 3}, null, 2);

        assertThat(values(vector)).containsExactly("c", "abc");
        assertThat(vector.mayHaveNulls()).isFalse();
    }

    @Test
    void appendSelectedKeepsOrderAndNulls() {
        BytesVector source = TestVectors.strings("zero", null, LONG_VALUE, "three");
        BytesVector target = TestVectors.strings("kept");
        target.appendSelected(source, new int[] {3, 1, 2, 2, 0}, 5);

        assertThat(values(target)).containsExactly("kept", "three", null, LONG_VALUE, LONG_VALUE, "zero");
        assertThat(VectorCopier.select(source, new int[] {0, 3}, 2).mayHaveNulls()).isFalse();
    }

    @Test
    void appendRangeShiftsOffsetsAndCopiesNulls() {
        BytesVector source = TestVectors.strings("zero", null, LONG_VALUE, "three");
        BytesVector target = TestVectors.strings("kept", null);
        target.appendRange(source, 1, 3);

        assertThat(values(target)).containsExactly("kept", null, null, LONG_VALUE, "three");
        assertThat(values((BytesVector) VectorCopier.slice(source, 2, 2))).containsExactly(LONG_VALUE, "three");
        assertThat(VectorCopier.slice(source, 2, 2).mayHaveNulls()).isFalse();
    }

    @Test
    void reusedVectorForgetsEarlierNulls() {
        BytesVector vector = TestVectors.strings(null, null);
        vector.reset();
        vector.appendSelected(TestVectors.strings("a", "b"), new int[] {1, 0}, 2);

        assertThat(values(vector)).containsExactly("b", "a");
    }

    private static List<String> values(BytesVector vector) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < vector.positionCount(); i++) {
            result.add(vector.isNull(i) ? null : vector.getString(i));
        }
        return result;
    }
}
