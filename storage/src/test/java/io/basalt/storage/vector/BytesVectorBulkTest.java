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

    @Test
    void appendFromDictionaryOfOneByteEntriesGathersRowsAndKeepsTheCodes() {
        BytesVector entries = TestVectors.strings("A", "N", "R");
        int[] codes = {2, -1, 0, 1, 1, 2};
        BytesVector vector = new DictionaryView(entries, codes).rows(1, new int[] {4, 0, 1, 3}, 4);

        assertThat(values(vector)).containsExactly("R", null, "A", "N");
        assertThat(vector.dataSize()).isEqualTo(3);
        assertThat(vector.dictionary().entries()).isSameAs(entries);
        assertThat(vector.dictionary().codes()).containsExactly(2, -1, 0, 1);
    }

    @Test
    void appendFromDictionaryOfLongerOrMoreEntriesThanRowsCopiesEachValue() {
        // Entries of mixed length, and one-byte entries that outnumber the rows: the general copy.
        BytesVector mixed = new DictionaryView(TestVectors.strings("", "MAIL", "a longer entry"), new int[] {1, 2, -1, 0})
                .rows();
        assertThat(values(mixed)).containsExactly("MAIL", "a longer entry", null, "");
        BytesVector many = new DictionaryView(TestVectors.strings("a", "b", "c"), new int[] {2, 0}).rows();
        assertThat(values(many)).containsExactly("c", "a");
        assertThat(many.dictionary().codes()).containsExactly(2, 0);
    }

    @Test
    void aVectorAppendedToAfterItsDictionaryGatherForgetsTheDictionary() {
        BytesVector vector = new DictionaryView(TestVectors.strings("x", "y"), new int[] {1, 0}).rows();
        vector.appendNull();
        assertThat(vector.dictionary()).isNull();
        assertThat(values(vector)).containsExactly("y", "x", null);
        BytesVector reused = new DictionaryView(TestVectors.strings("x"), new int[] {0}).rows();
        reused.reset();
        assertThat(reused.dictionary()).isNull();
    }

    @Test
    void oneByteRowsWithoutNullsFromCodesShareTheirOffsetsUntilOneOfThemChanges() {
        BytesVector entries = TestVectors.strings("A", "N", "R");
        BytesVector first = BytesVector.fromCodes(entries, new int[] {2, 0, 1, 1, 2}, 5);
        BytesVector second = BytesVector.fromCodes(entries, new int[] {1, 0, 2}, 3);
        assertThat(values(first)).containsExactly("R", "A", "N", "N", "R");
        assertThat(first.dataSize()).isEqualTo(5);
        assertThat(first.mayHaveNulls()).isFalse();
        assertThat(first.dictionary().codes()).containsExactly(2, 0, 1, 1, 2);
        assertThat(first.offsetBytes()).as("the shared offsets are nobody's memory").isZero();

        // Appending to (or reusing) one must leave the other's offsets alone.
        second.append(LONG_VALUE);
        second.appendNull();
        first.reset();
        first.append("xyz");
        BytesVector third = BytesVector.fromCodes(entries, new int[] {0, 2, 1, 0}, 4);
        assertThat(values(second)).containsExactly("N", "A", "R", LONG_VALUE, null);
        assertThat(values(first)).containsExactly("xyz");
        assertThat(values(third)).containsExactly("A", "R", "N", "A");
        assertThat(second.offsetBytes()).isPositive();
        assertThat(values((BytesVector) VectorCopier.select(third, new int[] {3, 1}, 2))).containsExactly("A", "R");
    }

    @Test
    void rowsFromCodesWithANullOrLongerEntriesAreCopiedValueByValue() {
        BytesVector flags = BytesVector.fromCodes(TestVectors.strings("A", "N"), new int[] {1, 0, -1, 1}, 4);
        assertThat(values(flags)).containsExactly("N", "A", null, "N");
        assertThat(flags.dictionary().codes()).containsExactly(1, 0, -1, 1);
        BytesVector words = BytesVector.fromCodes(TestVectors.strings("AIR", "MAIL"), new int[] {1, 1, 0}, 3);
        assertThat(values(words)).containsExactly("MAIL", "MAIL", "AIR");
        assertThat(words.dictionary()).isNotNull();
    }

    private static List<String> values(BytesVector vector) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < vector.positionCount(); i++) {
            result.add(vector.isNull(i) ? null : vector.getString(i));
        }
        return result;
    }
}
