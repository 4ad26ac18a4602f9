package io.basalt.storage.compress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressionTest {

    @Test
    void idsAreStable() {
        // Written into every segment file: changing one makes old files unreadable.
        assertThat(Compression.NONE.id()).isZero();
        assertThat(Compression.LZ4.id()).isEqualTo(1);
        assertThat(Compression.ZSTD.id()).isEqualTo(2);
        for (Compression compression : Compression.values()) {
            assertThat(Compression.fromId(compression.id())).isSameAs(compression);
        }
        assertThat(Compression.fromId(3)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsRandomCompressibleAndEmptyInput(Compression compression) {
        Random random = new Random(5);
        byte[] noise = new byte[100_000];
        random.nextBytes(noise);
        byte[] text = "the quick brown fox jumps over the lazy dog; ".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] zeros = new byte[1 << 20];
        for (byte[] input : new byte[][] {noise, text, zeros, new byte[0], {42}}) {
            byte[] padded = new byte[input.length + 10];
            System.arraycopy(input, 0, padded, 7, input.length);

            byte[] compressed = compression.codec().compress(padded, 7, input.length);
            byte[] restored = compression.codec().decompress(compressed, 0, compressed.length, input.length);

            assertThat(restored).isEqualTo(input);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"LZ4", "ZSTD"})
    void compressesRepetitiveData(Compression compression) {
        byte[] text = "abcdefgh".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

        assertThat(compression.codec().compress(text, 0, text.length).length).isLessThan(text.length / 20);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void wrongExpectedLengthIsAnError(Compression compression) {
        byte[] text = "hello hello hello hello".getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = compression.codec().compress(text, 0, text.length);

        assertThatThrownBy(() -> compression.codec().decompress(compressed, 0, compressed.length, text.length + 1))
                .isInstanceOf(DecompressionException.class);
        assertThatThrownBy(() -> compression.codec().decompress(compressed, 0, compressed.length, text.length - 1))
                .isInstanceOf(DecompressionException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"LZ4", "ZSTD"})
    void damagedInputFailsCleanlyOrDecodesToSomething(Compression compression) {
        Random random = new Random(9);
        byte[] text = "columnar storage, columnar storage, blocks and more blocks ".repeat(300).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = compression.codec().compress(text, 0, text.length);
        for (int attempt = 0; attempt < 500; attempt++) {
            byte[] damaged = Arrays.copyOf(compressed, compressed.length);
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt();
            int length = attempt % 5 == 0 ? random.nextInt(damaged.length) : damaged.length;
            try {
                compression.codec().decompress(damaged, 0, length, text.length);
            } catch (DecompressionException expected) {
                // The only acceptable failure; the block CRC is what guarantees correct data.
            }
        }
    }
}
