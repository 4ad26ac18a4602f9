package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decoders see bytes that passed a CRC, but must still never fail with anything but a
 * {@link BlockFormatException} (no index errors, no giant allocations) when the bytes are wrong.
 */
class BlockDecoderCorruptionTest {

    @Test
    void randomDamageGivesAFormatErrorOrSomeValuesButNothingElse() {
        Random random = new Random(3);
        for (PhysicalKind kind : PhysicalKind.values()) {
            for (Map.Entry<String, ColumnVector> set : TestData.dataSets(kind).entrySet()) {
                ColumnVector vector = TestData.withSomeNulls(set.getValue());
                int rows = Math.min(vector.positionCount(), 3000);
                for (EncodingKind encoding : EncodingKind.applicable(kind)) {
                    EncodedBlock block;
                    try {
                        block = BlockEncoder.encode(vector, rows, encoding);
                    } catch (IllegalArgumentException notApplicable) {
                        continue;
                    }
                    for (int attempt = 0; attempt < 40; attempt++) {
                        byte[] damaged = Arrays.copyOf(block.bytes(), block.length());
                        int length = damage(random, damaged, attempt);
                        assertThatCode(() -> decodeTolerantly(kind, encoding, rows, damaged, length))
                                .as("%s %s %s attempt %d", kind, set.getKey(), encoding, attempt)
                                .doesNotThrowAnyException();
                    }
                }
            }
        }
    }

    @Test
    void bitWidthAbove64IsRejected() {
        ByteSink sink = new ByteSink(16);
        sink.writeByte(0);
        sink.writeLong(0);
        sink.writeByte(65);
        assertFormatError(PhysicalKind.LONG, EncodingKind.BIT_PACKED, 4, sink);
    }

    @Test
    void dictionaryCodePastTheEntriesIsRejected() {
        ByteSink sink = new ByteSink(16);
        sink.writeByte(0);
        sink.writeInt(2);          // two entries
        sink.writeLong(10);        // base
        sink.writeByte(1);         // entry width
        sink.writeByte(0b10);      // entries 10, 11
        sink.writeByte(2);         // code width 2: codes may reach 3
        sink.writeByte(0b11);      // first code 3, the rest 0
        assertFormatError(PhysicalKind.LONG, EncodingKind.DICTIONARY, 4, sink);
    }

    @Test
    void runsThatDoNotAddUpAreRejected() {
        ByteSink sink = new ByteSink(16);
        sink.writeByte(0);
        sink.writeByte(1);         // first value true
        sink.writeInt(2);          // two runs
        sink.writeByte(8);         // lengths of 8 bits
        sink.writeByte(3);
        sink.writeByte(3);         // 3 + 3 = 6, but the block has 5 values
        assertFormatError(PhysicalKind.BOOLEAN, EncodingKind.RUN_LENGTH, 5, sink);
    }

    @Test
    void hugeCountsAreRejectedBeforeAllocating() {
        ByteSink sink = new ByteSink(16);
        sink.writeByte(0);
        sink.writeInt(Integer.MAX_VALUE); // dictionary size
        assertFormatError(PhysicalKind.BYTES, EncodingKind.DICTIONARY, 10, sink);

        ByteSink constant = new ByteSink(16);
        constant.writeByte(0);
        constant.writeInt(-1);            // constant length 4 GiB
        assertFormatError(PhysicalKind.BYTES, EncodingKind.CONSTANT, 10, constant);
    }

    @Test
    void expandingAShortValueBeyondTheBlockBoundIsRejected() {
        byte[] value = new byte[1000];
        ByteSink sink = new ByteSink(2048);
        sink.writeByte(0);
        sink.writeInt(value.length);
        sink.writeBytes(value);
        // 65,536 copies of 1,000 bytes would be 65 MB from 1 KB stored.
        assertFormatError(PhysicalKind.BYTES, EncodingKind.CONSTANT, BlockLimits.MAX_ROWS, sink);
    }

    @Test
    void dictionaryCodesExpandingALongEntryBeyondTheBlockBoundAreRejected() {
        // A legitimate block: one 1,000-byte value among 65,535 one-byte values, about 66 KB.
        String[] values = new String[BlockLimits.MAX_ROWS];
        Arrays.fill(values, "a");
        values[7] = "b".repeat(1000);
        EncodedBlock block = BlockEncoder.encode(TestVectors.strings(values), values.length, EncodingKind.DICTIONARY);
        byte[] bytes = Arrays.copyOf(block.bytes(), block.length());
        assertThatCode(() -> BlockDecoder.decode(PhysicalKind.BYTES, EncodingKind.DICTIONARY, values.length, bytes, 0,
                bytes.length)).doesNotThrowAnyException();
        // Codes are one bit each, at the block's end: pointing every row at the long entry claims 65 MB.
        Arrays.fill(bytes, bytes.length - BlockLimits.MAX_ROWS / 8, bytes.length, (byte) 0xFF);
        assertThatThrownBy(() -> BlockDecoder.decode(PhysicalKind.BYTES, EncodingKind.DICTIONARY, values.length, bytes,
                0, bytes.length)).isInstanceOf(BlockFormatException.class).hasMessageContaining("more than a block holds");
    }

    @Test
    void trailingBytesAndStrayBitmapBitsAreRejected() {
        EncodedBlock block = BlockEncoder.encode(TestVectors.longs(1L, 2L, 3L), 3, EncodingKind.PLAIN);
        byte[] longer = Arrays.copyOf(block.bytes(), block.length() + 1);
        assertThatThrownBy(() -> BlockDecoder.decode(PhysicalKind.LONG, EncodingKind.PLAIN, 3, longer, 0, longer.length))
                .isInstanceOf(BlockFormatException.class);

        ByteSink sink = new ByteSink(16);
        sink.writeByte(1);           // has nulls
        sink.writeByte(0b1111_1000); // rows 3.. marked null in a 3-row block
        assertFormatError(PhysicalKind.LONG, EncodingKind.PLAIN, 3, sink);
    }

    @Test
    void encodingOfAnotherKindIsRejected() {
        ByteSink sink = new ByteSink(16);
        sink.writeByte(0);
        assertFormatError(PhysicalKind.DOUBLE, EncodingKind.DELTA, 1, sink);
    }

    private static void assertFormatError(PhysicalKind kind, EncodingKind encoding, int rows, ByteSink sink) {
        assertThatThrownBy(() -> BlockDecoder.decode(kind, encoding, rows, sink.array(), 0, sink.size()))
                .isInstanceOf(BlockFormatException.class);
    }

    /** Flips bits, overwrites with extreme bytes, or truncates; returns the damaged length. */
    private static int damage(Random random, byte[] bytes, int attempt) {
        int length = bytes.length;
        switch (attempt % 4) {
            case 0 -> bytes[random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                int at = random.nextInt(length);
                for (int i = at; i < Math.min(length, at + 4); i++) {
                    bytes[i] = (byte) (random.nextBoolean() ? 0xFF : 0x7F);
                }
            }
            case 2 -> length = random.nextInt(length);
            default -> {
                for (int i = 0; i < 3; i++) {
                    bytes[random.nextInt(length)] = (byte) random.nextInt();
                }
            }
        }
        return length;
    }

    private static void decodeTolerantly(PhysicalKind kind, EncodingKind encoding, int rows, byte[] bytes, int length) {
        try {
            BlockDecoder.decode(kind, encoding, rows, bytes, 0, length);
        } catch (BlockFormatException expected) {
            // The only acceptable failure.
        }
    }
}
