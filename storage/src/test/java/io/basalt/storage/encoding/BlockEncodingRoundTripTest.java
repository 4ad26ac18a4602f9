package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.DictionaryView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every encoding of every physical kind it applies to, over ordinary and extreme data, with and without nulls. */
class BlockEncodingRoundTripTest {

    static Stream<Arguments> everyEncodingOfEveryKind() {
        List<Arguments> cases = new ArrayList<>();
        for (PhysicalKind kind : PhysicalKind.values()) {
            for (Map.Entry<String, ColumnVector> set : TestData.dataSets(kind).entrySet()) {
                for (String nulls : List.of("no nulls", "some nulls")) {
                    ColumnVector vector = nulls.equals("no nulls") ? set.getValue() : TestData.withSomeNulls(set.getValue());
                    boolean constant = BlockEncoder.encode(vector, vector.positionCount()).encoding() == EncodingKind.CONSTANT;
                    for (EncodingKind encoding : EncodingKind.applicable(kind)) {
                        if (encoding != EncodingKind.CONSTANT || constant) {
                            cases.add(Arguments.of(kind, set.getKey() + ", " + nulls, encoding, vector));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("everyEncodingOfEveryKind")
    void roundTripsExactly(PhysicalKind kind, String dataSet, EncodingKind encoding, ColumnVector vector) {
        int rows = vector.positionCount();
        EncodedBlock block = BlockEncoder.encode(vector, rows, encoding);

        ColumnVector decoded = BlockDecoder.decode(kind, encoding, rows, block.bytes(), 0, block.length());

        assertThat(block.encoding()).isEqualTo(encoding);
        TestVectors.assertSameValues(decoded, vector);
    }

    @ParameterizedTest
    @EnumSource(PhysicalKind.class)
    void allNullBlockIsPlainWithEmptyPayload(PhysicalKind kind) {
        ColumnVector vector = TestData.allNulls(kind, 1000);
        EncodedBlock block = BlockEncoder.encode(vector, 1000);

        assertThat(block.encoding()).isEqualTo(EncodingKind.PLAIN);
        int payload = kind == PhysicalKind.BYTES ? 1 : 0; // a BYTES value list always starts with its length width
        assertThat(block.length()).as("flags + bitmap + payload").isEqualTo(1 + 125 + payload);
        TestVectors.assertSameValues(BlockDecoder.decode(kind, EncodingKind.PLAIN, 1000, block.bytes(), 0, block.length()), vector);
    }

    @ParameterizedTest
    @EnumSource(PhysicalKind.class)
    void emptyBlockRoundTrips(PhysicalKind kind) {
        ColumnVector vector = ColumnVector.create(kind, 0);
        EncodedBlock block = BlockEncoder.encode(vector, 0);

        assertThat(block.length()).isEqualTo(kind == PhysicalKind.BYTES ? 2 : 1);
        assertThat(BlockDecoder.decode(kind, block.encoding(), 0, block.bytes(), 0, block.length()).positionCount()).isZero();
    }

    @Test
    void encodesOnlyTheRequestedPrefixOfAVector() {
        ColumnVector vector = TestVectors.longs(1L, 2L, 3L, 4L, 5L);
        EncodedBlock block = BlockEncoder.encode(vector, 3);

        TestVectors.assertSameValues(BlockDecoder.decode(PhysicalKind.LONG, block.encoding(), 3, block.bytes(), 0, block.length()),
                TestVectors.longs(1L, 2L, 3L));
    }

    @Test
    void stringsMarkedNullAfterAppendingKeepTheirNeighboursIntact() {
        for (EncodingKind encoding : new EncodingKind[] {EncodingKind.PLAIN, EncodingKind.DICTIONARY, EncodingKind.RUN_LENGTH}) {
            ColumnVector vector = TestVectors.strings("keep", "hidden", "keep", "also hidden", "last");
            vector.setNull(1, true);
            vector.setNull(3, true);
            EncodedBlock block = BlockEncoder.encode(vector, 5, encoding);

            TestVectors.assertSameValues(BlockDecoder.decode(PhysicalKind.BYTES, encoding, 5, block.bytes(), 0, block.length()),
                    TestVectors.strings("keep", null, "keep", null, "last"));
        }
    }

    @Test
    void dictionaryBlocksKeepTheirDictionaryFormBesideTheVector() {
        ColumnVector vector = TestVectors.strings("mail", "ship", null, "mail", "air", null, "ship");
        EncodedBlock encoded = BlockEncoder.encode(vector, 7, EncodingKind.DICTIONARY);

        DecodedBlock block = BlockDecoder.decodeBlock(PhysicalKind.BYTES, EncodingKind.DICTIONARY, 7, encoded.bytes(), 0,
                encoded.length());

        assertThat(block.nullCount()).isEqualTo(2);
        assertThat(block.hasVector()).as("built on first use").isFalse();
        TestVectors.assertSameValues(block.dictionary().rows(1, new int[] {5, 1, 0, 3}, 4),
                TestVectors.strings("ship", null, "ship", "air"));
        TestVectors.assertSameValues(block.vector(), vector);
        assertThat(block.hasVector()).isTrue();
        TestVectors.assertSameValues(block.dictionary().entries(), TestVectors.strings("air", "mail", "ship"));
        assertThat(block.dictionary().codes()).containsExactly(1, 2, DictionaryView.NULL_CODE, 1, 0, DictionaryView.NULL_CODE, 2);
        EncodedBlock plain = BlockEncoder.encode(vector, 7, EncodingKind.PLAIN);
        assertThat(BlockDecoder.decodeBlock(PhysicalKind.BYTES, EncodingKind.PLAIN, 7, plain.bytes(), 0, plain.length())
                .dictionary()).isNull();
    }

    @Test
    void textDictionaryBlocksWithoutNullsSelectAndGatherRowsByTheirPackedCodes() {
        ColumnVector vector = TestVectors.strings("mail", "ship", "air", "mail", "rail", "ship", "air", "mail");
        EncodedBlock encoded = BlockEncoder.encode(vector, 8, EncodingKind.DICTIONARY);

        DecodedBlock block = BlockDecoder.decodeBlock(PhysicalKind.BYTES, EncodingKind.DICTIONARY, 8, encoded.bytes(), 0,
                encoded.length());
        BlockDictionary dictionary = block.dictionary();

        assertThat(block.nullCount()).isZero();
        TestVectors.assertSameValues(dictionary.entries(), TestVectors.strings("air", "mail", "rail", "ship"));
        assertThat(dictionary.codes()).containsExactly(1, 3, 0, 1, 2, 3, 0, 1);
        boolean[] mailOrAir = {true, true, false, false, false}; // air, mail; the last flag is NULL's
        int[] kept = new int[7];
        assertThat(dictionary.select(mailOrAir, 1, null, 7, kept)).isEqualTo(4);
        assertThat(kept).startsWith(1, 2, 5, 6);
        int[] positions = {0, 2, 4, 6};
        assertThat(dictionary.select(mailOrAir, 1, positions, 4, positions)).isEqualTo(2);
        assertThat(positions).startsWith(2, 6);
        BytesVector some = dictionary.rows(1, new int[] {6, 3, 0}, 3);
        TestVectors.assertSameValues(some, TestVectors.strings("mail", "rail", "ship"));
        assertThat(some.dictionary().codes()).containsExactly(1, 2, 3);
        assertThat(block.hasVector()).isFalse();
        TestVectors.assertSameValues(block.vector(), vector);
        assertThatThrownBy(() -> dictionary.select(new boolean[2], 0, null, 8, kept)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainTextBlocksWithoutNullsGatherRowsFromTheirSlicesOfTheBody() {
        ColumnVector vector = TestVectors.strings("", "alpha", "a longer value than eight bytes", "b", "", "gamma ray");
        EncodedBlock block = BlockEncoder.encode(vector, 6, EncodingKind.PLAIN);
        byte[] owned = Arrays.copyOf(block.bytes(), block.length() + BitPacking.PACKED_PADDING);
        DecodedBlock decoded = BlockDecoder.decodeOwnedBlock(PhysicalKind.BYTES, EncodingKind.PLAIN, 6, owned,
                block.length());

        assertThat(decoded.hasVector()).isFalse();
        TestVectors.assertSameValues(decoded.plainBytes().rows(1, new int[] {4, 1, 0}, 3),
                TestVectors.strings("gamma ray", "a longer value than eight bytes", "alpha"));
        TestVectors.assertSameValues(decoded.plainBytes().rows(3, null, 2), TestVectors.strings("b", ""));
        TestVectors.assertSameValues(decoded.vector(), vector);
        // With a NULL, or from an array others may change, the vector is built at once.
        ColumnVector withNull = TestVectors.strings("x", null, "y");
        EncodedBlock nullBlock = BlockEncoder.encode(withNull, 3, EncodingKind.PLAIN);
        assertThat(BlockDecoder.decodeOwnedBlock(PhysicalKind.BYTES, EncodingKind.PLAIN, 3,
                Arrays.copyOf(nullBlock.bytes(), nullBlock.length() + BitPacking.PACKED_PADDING), nullBlock.length())
                .plainBytes()).isNull();
        assertThat(BlockDecoder.decodeBlock(PhysicalKind.BYTES, EncodingKind.PLAIN, 6, block.bytes(), 0, block.length())
                .plainBytes()).isNull();
    }

    @Test
    void refusesEncodingsThatCannotHoldTheData() {
        assertThatThrownBy(() -> BlockEncoder.encode(TestVectors.longs(1L, 2L), 2, EncodingKind.CONSTANT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockEncoder.encode(TestVectors.doubles(1.0, 2.0), 2, EncodingKind.DELTA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockEncoder.encode(TestVectors.strings("a"), 1, EncodingKind.BIT_PACKED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockEncoder.encode(TestData.allNulls(PhysicalKind.LONG, 3), 3, EncodingKind.CONSTANT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockEncoder.encode(TestVectors.longs(new long[BlockLimits.MAX_ROWS + 1]), BlockLimits.MAX_ROWS + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBytesBlocksBeyondTheSizeBound() {
        String half = TestData.longString(600_000, 'a');
        ColumnVector vector = TestVectors.strings(half, half + "b", half + "c");

        assertThatThrownBy(() -> BlockEncoder.encode(vector, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void frameOfReferenceOverTheFullLongRangeUsesSixtyFourBits() {
        ColumnVector vector = TestVectors.longs(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
        EncodedBlock block = BlockEncoder.encode(vector, 3, EncodingKind.BIT_PACKED);

        assertThat(block.bytes()[1 + 8]).as("bit width").isEqualTo((byte) 64);
        TestVectors.assertSameValues(BlockDecoder.decode(PhysicalKind.LONG, EncodingKind.BIT_PACKED, 3, block.bytes(), 0, block.length()), vector);
    }
}
