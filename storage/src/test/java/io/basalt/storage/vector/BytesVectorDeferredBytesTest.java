package io.basalt.storage.vector;

import io.basalt.storage.encoding.TestVectors;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Values gathered from a dictionary without NULLs are written only when their bytes (or, when longer, offsets) are read. */
class BytesVectorDeferredBytesTest {

    private static final BytesVector FLAGS = TestVectors.strings("A", "N", "R");

    private static BytesVector deferred(int... codes) {
        BytesVector vector = BytesVector.fromCodesWithoutNulls(FLAGS, codes, codes.length, VectorBuffers.NEW);
        assertThat(vector.defersBytes()).isTrue();
        return vector;
    }

    @Test
    void valuesAreWrittenWhenFirstRead() {
        BytesVector vector = deferred(2, 0, 1, 1, 2);
        assertThat(vector.positionCount()).isEqualTo(5);
        assertThat(vector.mayHaveNulls()).isFalse();
        assertThat(vector.dictionary().codes()).containsExactly(2, 0, 1, 1, 2);
        assertThat(vector.dataSize()).isEqualTo(5);
        assertThat(vector.dataBytes()).as("counted as the bytes it will take").isEqualTo(5);
        assertThat(vector.length(3)).isEqualTo(1);
        assertThat(vector.defersBytes()).as("offsets and lengths need no bytes").isTrue();

        assertThat(vector.getString(0)).isEqualTo("R");
        assertThat(vector.defersBytes()).isFalse();
        assertThat(values(vector)).containsExactly("R", "A", "N", "N", "R");
        assertThat(new String(vector.data(), 0, 5, StandardCharsets.UTF_8)).isEqualTo("RANNR");
        assertThat(vector.dictionary()).as("reading keeps the codes").isNotNull();
    }

    @Test
    void aValueIsCopiedOutWithoutWritingTheOthers() {
        BytesVector vector = deferred(1, 2, 0);
        BytesVector value = vector.valueAt(1);
        assertThat(values(value)).containsExactly("R");
        assertThat(vector.defersBytes()).isTrue();

        BytesVector plain = TestVectors.strings("x", null, "yz");
        assertThat(values(plain.valueAt(1))).containsExactly((String) null);
        assertThat(values(plain.valueAt(2))).containsExactly("yz");
    }

    @Test
    void appendingToADeferredVectorKeepsItsValues() {
        BytesVector vector = deferred(0, 2, 1);
        vector.append("xyz");
        vector.appendNull();
        assertThat(values(vector)).containsExactly("A", "R", "N", "xyz", null);
        assertThat(vector.dictionary()).isNull();

        BytesVector reset = deferred(1, 1, 1);
        reset.reset();
        reset.append("q");
        assertThat(values(reset)).containsExactly("q");
    }

    @Test
    void aDeferredVectorIsCopiedFromLikeAnyOther() {
        BytesVector source = deferred(0, 1, 2, 1);
        BytesVector target = TestVectors.strings("kept");
        target.appendSelected(source, new int[] {3, 0}, 2);
        target.appendRange(deferred(2, 0, 1), 1, 2);
        target.appendFrom(deferred(2, 2, 2), 0);
        assertThat(values(target)).containsExactly("kept", "N", "A", "A", "N", "R");
        assertThat(values((BytesVector) VectorCopier.select(deferred(0, 1, 2), new int[] {2, 0}, 2)))
                .containsExactly("R", "A");
        assertThat(values((BytesVector) VectorCopier.slice(deferred(0, 1, 2), 1, 2))).containsExactly("N", "R");
    }

    @Test
    void longerEntriesAreWrittenWhenFirstReadToo() {
        BytesVector modes = TestVectors.strings("AIR", "MAIL", "REG AIR", "");
        BytesVector words = BytesVector.fromCodesWithoutNulls(modes, new int[] {1, 0, 2, 3, 1}, 5, VectorBuffers.NEW);
        assertThat(words.defersBytes()).isTrue();
        assertThat(words.dictionary().codes()).containsExactly(1, 0, 2, 3, 1);
        assertThat(words.dataBytes()).as("counted as the bytes they will take").isEqualTo(18);
        assertThat(words.offsetBytes()).isEqualTo(24);
        assertThat(values(words.valueAt(2))).containsExactly("REG AIR");
        assertThat(words.defersBytes()).as("one value copied out writes none").isTrue();

        assertThat(words.length(2)).isEqualTo(7);
        assertThat(words.defersBytes()).as("offsets come with the bytes").isFalse();
        assertThat(words.offsets()).startsWith(0, 4, 7, 14, 14, 18);
        assertThat(words.dataSize()).isEqualTo(18);
        assertThat(values(words)).containsExactly("MAIL", "AIR", "REG AIR", "", "MAIL");
        assertThat(words.dictionary()).as("reading keeps the codes").isNotNull();

        BytesVector target = TestVectors.strings("kept");
        target.appendSelected(BytesVector.fromCodesWithoutNulls(modes, new int[] {2, 1}, 2, VectorBuffers.NEW),
                new int[] {1, 0}, 2);
        target.appendRange(BytesVector.fromCodesWithoutNulls(modes, new int[] {0, 2, 1}, 3, VectorBuffers.NEW), 1, 2);
        target.appendFrom(BytesVector.fromCodesWithoutNulls(modes, new int[] {3}, 1, VectorBuffers.NEW), 0);
        assertThat(values(target)).containsExactly("kept", "MAIL", "REG AIR", "REG AIR", "MAIL", "");

        BytesVector appended = BytesVector.fromCodesWithoutNulls(modes, new int[] {0, 1}, 2, VectorBuffers.NEW);
        appended.append("TRUCK");
        assertThat(values(appended)).containsExactly("AIR", "MAIL", "TRUCK");
        BytesVector reset = BytesVector.fromCodesWithoutNulls(modes, new int[] {2, 2}, 2, VectorBuffers.NEW);
        reset.reset();
        reset.append("q");
        assertThat(values(reset)).containsExactly("q");
    }

    /** A selection of dictionary text without NULLs selects codes: nothing is written, and the codes stay. */
    @Test
    void aSelectionOfDictionaryTextKeepsItsCodes() {
        BytesVector modes = TestVectors.strings("AIR", "MAIL", "REG AIR");
        BytesVector source = BytesVector.fromCodesWithoutNulls(modes, new int[] {2, 0, 1, 1, 0}, 5, VectorBuffers.NEW);
        BytesVector selected = (BytesVector) VectorCopier.select(source, new int[] {4, 0, 2}, 3);
        assertThat(source.defersBytes()).as("the source is not written to be selected from").isTrue();
        assertThat(selected.defersBytes()).isTrue();
        assertThat(selected.dictionary().codes()).containsExactly(0, 2, 1);
        assertThat(selected.dictionary().entries()).isSameAs(modes);
        assertThat(values(selected)).containsExactly("AIR", "REG AIR", "MAIL");

        BytesVector flags = (BytesVector) VectorCopier.select(deferred(2, 1, 0), new int[] {1}, 1);
        assertThat(flags.defersBytes()).isTrue();
        assertThat(values(flags)).containsExactly("N");

        BytesVector withNulls = BytesVector.fromCodes(modes, new int[] {1, -1, 2}, 3);
        BytesVector copied = (BytesVector) VectorCopier.select(withNulls, new int[] {2, 1}, 2);
        assertThat(values(copied)).as("NULLs: the values are copied").containsExactly("REG AIR", null);
        assertThat(copied.dictionary()).isNull();
    }

    /** Threads reading the offsets and the bytes of a shared vector of longer values at once all see them whole. */
    @Test
    void threadsReadingLongerValuesAtOnceSeeTheSameOffsetsAndBytes() throws Exception {
        BytesVector modes = TestVectors.strings("AIR", "MAIL", "REG AIR", "SHIP", "TRUCK");
        for (int round = 0; round < 200; round++) {
            int[] codes = new int[4096];
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (i * 7 + round) % 5;
                expected.append(modes.getString(codes[i]));
            }
            BytesVector vector = BytesVector.fromCodesWithoutNulls(modes, codes, codes.length, VectorBuffers.NEW);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                boolean offsetsFirst = t % 2 == 0;
                readers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    int size = offsetsFirst ? vector.dataSize() : -1;
                    byte[] bytes = vector.data();
                    return new String(bytes, 0, size >= 0 ? size : vector.dataSize(), StandardCharsets.UTF_8);
                }));
            }
            start.countDown();
            for (CompletableFuture<String> reader : readers) {
                assertThat(reader.get()).isEqualTo(expected.toString());
            }
        }
    }

    /** Two pipelines reading one shared batch at once both see every byte. */
    @Test
    void threadsReadingAtOnceSeeTheSameBytes() throws Exception {
        for (int round = 0; round < 200; round++) {
            int[] codes = new int[4096];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (i * 7 + round) % 3;
            }
            BytesVector vector = deferred(codes);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<byte[]>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                readers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return vector.data().clone();
                }));
            }
            start.countDown();
            byte[] expected = new byte[codes.length];
            for (int i = 0; i < codes.length; i++) {
                expected[i] = (byte) "ANR".charAt(codes[i]);
            }
            for (CompletableFuture<byte[]> reader : readers) {
                assertThat(Arrays.copyOf(reader.get(), codes.length)).isEqualTo(expected);
            }
        }
    }

    private static List<String> values(BytesVector vector) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < vector.positionCount(); i++) {
            result.add(vector.isNull(i) ? null : vector.getString(i));
        }
        return result;
    }
}
