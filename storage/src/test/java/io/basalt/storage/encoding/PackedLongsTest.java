package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedLongsTest {

    /** A block of {@code values} encoded as {@code encoding}, decoded again (header and flags included). */
    private static DecodedBlock roundTrip(long[] values, EncodingKind encoding) {
        LongVector vector = new LongVector(values.length);
        for (long value : values) {
            vector.append(value);
        }
        EncodedBlock encoded = BlockEncoder.encode(vector, values.length, encoding);
        return BlockDecoder.decodeBlock(PhysicalKind.LONG, encoding, values.length, encoded.bytes(), 0, encoded.length());
    }

    @Test
    void bitPackedAndDictionaryBlocksStayPackedAndGatherWhatAFullDecodeGives() {
        Random random = new Random(5);
        long[][] blocks = {
            random.longs(5000, -1_000, 1_000_000).toArray(),              // frame of reference, 20 bits
            random.ints(5000, 0, 50).mapToLong(i -> i * 100L - 7).toArray(), // 50 distinct: dictionary
            new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1},           // width 64
            new long[] {42, 42, 42},                                      // width 0
        };
        for (long[] values : blocks) {
            for (EncodingKind encoding : new EncodingKind[] {EncodingKind.BIT_PACKED, EncodingKind.DICTIONARY}) {
                DecodedBlock block = roundTrip(values, encoding);
                PackedLongs packed = block.packed();
                assertThat(packed).as(encoding.toString()).isNotNull();
                assertThat(block.hasVector()).isFalse();
                assertThat(block.nullCount()).isZero();
                int offset = values.length / 3;
                int[] positions = {0, 1, values.length - offset - 1};
                long[] gathered = new long[positions.length];
                packed.gather(offset, positions, positions.length, gathered);
                for (int i = 0; i < positions.length; i++) {
                    assertThat(gathered[i]).isEqualTo(values[offset + positions[i]]);
                }
                assertThat(((LongVector) block.vector()).values()).startsWith(values);
                assertThat(block.vector().positionCount()).isEqualTo(values.length);
            }
        }
    }

    @Test
    void blocksWithNullsAreDecodedAsBefore() {
        LongVector vector = new LongVector(3);
        vector.append(1);
        vector.appendNull();
        vector.append(3);
        EncodedBlock encoded = BlockEncoder.encode(vector, 3, EncodingKind.BIT_PACKED);
        DecodedBlock block = BlockDecoder.decodeBlock(PhysicalKind.LONG, EncodingKind.BIT_PACKED, 3, encoded.bytes(), 0,
                encoded.length());
        assertThat(block.packed()).isNull();
        assertThat(block.nullCount()).isEqualTo(1);
    }

    @Test
    void aDictionaryCodePastTheEntriesIsAFormatError() {
        // 3 entries need 2-bit codes, which can also say 3: the last byte's codes are set to 3, 3, 3, 3.
        long[] values = {10, 20, 30, 10, 20, 30, 10, 20};
        LongVector vector = new LongVector(values.length);
        for (long value : values) {
            vector.append(value);
        }
        EncodedBlock encoded = BlockEncoder.encode(vector, values.length, EncodingKind.DICTIONARY);
        byte[] body = java.util.Arrays.copyOf(encoded.bytes(), encoded.length());
        body[body.length - 1] = (byte) 0xFF;
        DecodedBlock block = BlockDecoder.decodeBlock(PhysicalKind.LONG, EncodingKind.DICTIONARY, values.length, body, 0,
                body.length);
        assertThatThrownBy(() -> block.packed().gather(0, new int[] {7}, 1, new long[1]))
                .isInstanceOf(BlockFormatException.class).hasMessageContaining("outside the 3 entries");
        assertThatThrownBy(block::vector).isInstanceOf(BlockFormatException.class);
    }
}
