package io.basalt.storage.encoding;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitPackingTest {

    @Test
    void everyWidthRoundTripsAndTakesTheMinimalBytes() {
        Random random = new Random(1);
        for (int width = 0; width <= 64; width++) {
            for (int count : new int[] {0, 1, 7, 8, 63, 64, 65, 1000}) {
                long mask = width == 64 ? -1L : (1L << width) - 1;
                long base = random.nextLong();
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    values[i] = base + (random.nextLong() & mask);
                }
                ByteSink sink = new ByteSink(16);
                BitPacking.pack(sink, values, count, base, width);
                assertThat(sink.size()).isEqualTo((count * width + 7) / 8);

                long[] decoded = new long[count + 2];
                BitPacking.unpack(new ByteSource(sink.array(), 0, sink.size()), count, width, base, decoded, 2);
                for (int i = 0; i < count; i++) {
                    assertThat(decoded[i + 2]).as("width %d value %d", width, i).isEqualTo(values[i]);
                }
            }
        }
    }

    @Test
    void valuesAtTheEndOfTheArrayAreReadWithoutRunningPastIt() {
        // The stream is the array's last bytes, after a 3-byte prefix: the last values cannot take an 8-byte load.
        Random random = new Random(3);
        for (int width = 1; width <= 64; width++) {
            for (int count : new int[] {1, 5, 17, 200}) {
                long mask = width == 64 ? -1L : (1L << width) - 1;
                long[] values = new long[count];
                int[] ints = new int[count];
                for (int i = 0; i < count; i++) {
                    values[i] = random.nextLong() & mask;
                    ints[i] = (int) (values[i] & 0xFFFF_FFFFL);
                }
                ByteSink sink = new ByteSink(16);
                sink.writeByte(1);
                sink.writeByte(2);
                sink.writeByte(3);
                BitPacking.pack(sink, values, count, 0, width);
                byte[] exact = sink.toByteArray();

                long[] decoded = new long[count];
                ByteSource in = new ByteSource(exact, 3, exact.length - 3);
                BitPacking.unpack(in, count, width, 0, decoded, 0);
                assertThat(decoded).as("width %d count %d", width, count).isEqualTo(values);
                if (width <= 32) {
                    int[] decodedInts = new int[count];
                    BitPacking.unpackInts(new ByteSource(exact, 3, exact.length - 3), count, width, decodedInts);
                    assertThat(decodedInts).as("width %d count %d", width, count).isEqualTo(ints);
                }
            }
        }
    }

    @Test
    void widthOfAnUnsignedRange() {
        assertThat(BitPacking.bitWidth(0)).isZero();
        assertThat(BitPacking.bitWidth(1)).isEqualTo(1);
        assertThat(BitPacking.bitWidth(255)).isEqualTo(8);
        assertThat(BitPacking.rangeBitWidth(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(64);
        assertThat(BitPacking.rangeBitWidth(-1, 0)).isEqualTo(1);
    }

    @Test
    void shortStreamIsAFormatError() {
        ByteSource source = new ByteSource(new byte[3]);

        assertThatThrownBy(() -> BitPacking.unpack(source, 10, 3, 0, new long[10], 0))
                .isInstanceOf(BlockFormatException.class);
    }

    @Test
    void intsWiderThan32BitsAreRejected() {
        assertThatThrownBy(() -> BitPacking.unpackInts(new ByteSource(new byte[100]), 2, 33, new int[2]))
                .isInstanceOf(BlockFormatException.class);
    }
}
