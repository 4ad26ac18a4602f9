package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedLongsTest {

    /** A block of {@code values} encoded as {@code encoding}, decoded again (header and flags included). */
    static DecodedBlock roundTrip(long[] values, EncodingKind encoding) {
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
                PackedLongs packed = (PackedLongs) block.encodedLongs();
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
    void rangesComparedOnThePackedBitsKeepTheRowsAComparisonOfTheValuesKeeps() {
        Random random = new Random(11);
        long[][] blocks = {
            random.longs(3000, -1_000, 1_000_000).toArray(),
            random.ints(3000, 0, 40).mapToLong(i -> i * 100L - 7).toArray(),
            new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 5},
            new long[] {42, 42, 42},
        };
        for (long[] values : blocks) {
            // Bounds below, inside and above every block, at entries, between entries, and the extremes.
            long[] bounds = {Long.MIN_VALUE, -1_001, -7, -1, 0, 5, 42, 93, 193, 500_000, 3_893, 1_000_000, Long.MAX_VALUE};
            for (EncodingKind encoding : new EncodingKind[] {EncodingKind.BIT_PACKED, EncodingKind.DICTIONARY}) {
                PackedLongs packed = (PackedLongs) roundTrip(values, encoding).encodedLongs();
                int offset = values.length / 4;
                int count = values.length - offset;
                int[] every = new int[count];
                int[] odd = new int[count / 2];
                for (int i = 0; i < count; i++) {
                    every[i] = i;
                }
                for (int i = 0; i < odd.length; i++) {
                    odd[i] = 2 * i + 1;
                }
                for (long low : bounds) {
                    for (long high : bounds) {
                        String context = encoding + " [" + low + ", " + high + "] of " + values.length;
                        int[] out = new int[count];
                        int kept = packed.selectInRange(offset, null, count, low, high, out);
                        assertThat(java.util.Arrays.copyOf(out, kept)).as(context)
                                .containsExactly(expected(values, offset, every, low, high));
                        kept = packed.selectInRange(offset, odd, odd.length, low, high, out);
                        assertThat(java.util.Arrays.copyOf(out, kept)).as(context + " at odd rows")
                                .containsExactly(expected(values, offset, odd, low, high));
                    }
                }
            }
        }
    }

    /**
     * Bitmap tests of packed keys ({@link PackedLongs#selectInBitmap}) keep the rows whose key is in the bitmap, for
     * widths from 1 to 40 bits, an offset into the block, keys below the bitmap's first and past its last (the zero
     * word they are sent to), and a row list; the branch-free test and the one for filters keeping few rows
     * ({@code fewKept}) alike.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bitmapTestsKeepTheRowsWhoseKeysAreInTheBitmap(boolean fewKept) {
        Random random = new Random(17);
        for (int width : new int[] {1, 7, 18, 31, 32, 40}) {
            long base = -1_000;
            long[] values = random.longs(9_000, 0, 1L << width).map(v -> base + v).toArray();
            PackedLongs packed = (PackedLongs) roundTrip(values, EncodingKind.BIT_PACKED).encodedLongs();
            assertThat(packed.isFrameOfReference()).isTrue();
            // Keys from min on, span wide: every fifth key, the last word left zero for keys outside.
            long min = base + (1L << width) / 4;
            long span = Math.max(1, (1L << width) / 2);
            long spanned = Math.min(span, 1 << 20);
            long[] words = new long[(int) (spanned >>> 6) + 2];
            java.util.function.LongPredicate inBitmap = key -> key - min >= 0 && key - min <= spanned && (key - min) % 5 == 0;
            for (long bit = 0; bit <= spanned; bit += 5) {
                words[(int) (bit >>> 6)] |= 1L << bit;
            }
            for (int offset : new int[] {0, 37}) {
                int count = values.length - offset - 3;
                int[] out = new int[count];
                int kept = packed.selectInBitmap(offset, null, count, min, spanned, words, out, fewKept);
                int[] expected = java.util.stream.IntStream.range(0, count)
                        .filter(row -> inBitmap.test(values[offset + row])).toArray();
                assertThat(java.util.Arrays.copyOf(out, kept)).as("width %d from %d", width, offset).containsExactly(expected);
                int[] odd = java.util.stream.IntStream.range(0, count).filter(row -> row % 2 == 1).toArray();
                kept = packed.selectInBitmap(offset, odd, odd.length, min, spanned, words, odd, fewKept);
                assertThat(java.util.Arrays.copyOf(odd, kept)).as("width %d at odd rows", width)
                        .containsExactly(java.util.Arrays.stream(expected).filter(row -> row % 2 == 1).toArray());
            }
        }
    }

    private static int[] expected(long[] values, int offset, int[] rows, long low, long high) {
        return java.util.Arrays.stream(rows).filter(row -> values[offset + row] >= low && values[offset + row] <= high).toArray();
    }

    @Test
    void blocksWithNullsAreDecodedAsBefore() {
        LongVector vector = new LongVector(3);
        vector.append(5);
        vector.appendNull();
        vector.append(5);
        for (EncodingKind encoding : new EncodingKind[] {EncodingKind.BIT_PACKED, EncodingKind.DICTIONARY,
                EncodingKind.RUN_LENGTH, EncodingKind.CONSTANT}) {
            EncodedBlock encoded = BlockEncoder.encode(vector, 3, encoding);
            DecodedBlock block = BlockDecoder.decodeBlock(PhysicalKind.LONG, encoding, 3, encoded.bytes(), 0,
                    encoded.length());
            assertThat(block.encodedLongs()).as(encoding.toString()).isNull();
            assertThat(block.nullCount()).isEqualTo(1);
            assertThat(((LongVector) block.vector()).values()).startsWith(5, 0, 5);
        }
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
        assertThatThrownBy(() -> block.encodedLongs().gather(0, new int[] {7}, 1, new long[1]))
                .isInstanceOf(BlockFormatException.class).hasMessageContaining("outside the 3 entries");
        assertThatThrownBy(block::vector).isInstanceOf(BlockFormatException.class);
    }

    @Test
    void unpackingARunAndGatheringASliceOfASelectionGiveTheBlocksValues() {
        Random random = new Random(17);
        long[][] blocks = {
            random.longs(4000, -5_000, 9_000_000).toArray(),
            random.ints(4000, 0, 30).mapToLong(i -> i * 1_000L + 3).toArray(),
            new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 5},
        };
        for (long[] values : blocks) {
            for (EncodingKind encoding : new EncodingKind[] {EncodingKind.BIT_PACKED, EncodingKind.DICTIONARY}) {
                PackedLongs packed = (PackedLongs) roundTrip(values, encoding).encodedLongs();
                long[] run = new long[values.length - 1];
                packed.unpack(1, run.length, run);
                assertThat(run).as(encoding.toString()).containsExactly(java.util.Arrays.copyOfRange(values, 1, values.length));
                int[] positions = {0, 2, 3, values.length - 2};
                long[] slice = new long[2];
                packed.gather(1, positions, 1, 2, slice);
                assertThat(slice).containsExactly(values[1 + 2], values[1 + 3]);
            }
        }
    }

    @Test
    void dictionaryCodesStayPackedAndAreReadOnlyAtTheRowsAsked() {
        int[] codes = new Random(23).ints(3000, 0, 5).toArray();
        PackedLongs packed = packedCodes(codes, 3);
        int[] gathered = new int[codes.length - 7];
        packed.gatherCodes(7, null, gathered.length, 5, gathered);
        assertThat(gathered).containsExactly(java.util.Arrays.copyOfRange(codes, 7, codes.length));
        int[] some = new int[2];
        packed.gatherCodes(7, new int[] {5, 0}, 2, 5, some);
        assertThat(some).containsExactly(codes[12], codes[7]);

        boolean[] passing = {false, true, false, true, false, false}; // codes 1 and 3; the last flag is NULL's
        int[] out = new int[codes.length];
        int kept = packed.selectCodes(7, null, codes.length - 7, passing, 5, out);
        int[] expected = java.util.stream.IntStream.range(0, codes.length - 7)
                .filter(row -> codes[7 + row] == 1 || codes[7 + row] == 3).toArray();
        assertThat(java.util.Arrays.copyOf(out, kept)).containsExactly(expected);
        int[] odd = java.util.stream.IntStream.range(0, (codes.length - 7) / 2).map(i -> 2 * i + 1).toArray();
        kept = packed.selectCodes(7, odd, odd.length, passing, 5, odd);
        assertThat(java.util.Arrays.copyOf(odd, kept))
                .containsExactly(java.util.Arrays.stream(expected).filter(row -> row % 2 == 1).toArray());
    }

    @Test
    void aTextDictionaryCodePastTheEntriesIsAFormatErrorWhenRead() {
        PackedLongs packed = packedCodes(new int[] {0, 1, 3, 2}, 2); // 2-bit codes, but only 3 entries
        assertThatThrownBy(() -> packed.gatherCodes(0, null, 4, 3, new int[4]))
                .isInstanceOf(BlockFormatException.class).hasMessageContaining("code 3 at value 2 is outside the 3 entries");
        assertThatThrownBy(() -> packed.selectCodes(0, new int[] {2}, 1, new boolean[4], 3, new int[1]))
                .isInstanceOf(BlockFormatException.class);
        assertThat(packed.selectCodes(0, new int[] {0, 3}, 2, new boolean[] {true, false, true, false}, 3, new int[2]))
                .isEqualTo(2);
    }

    @Test
    void sumsOfEveryWidthAndSpanAreTheSumsOfTheValues() {
        // Narrow values are summed by bit planes over 64-bit windows: spans that start and end at every bit offset of
        // a window, inside one window and across several, each against the values added one by one.
        Random random = new Random(29);
        for (int width = 0; width <= 64; width++) {
            long[] values = randomValues(random, 300, width);
            long base = width % 2 == 0 ? -3 : 1_000;
            PackedLongs packed = frameOfReference(values, width, base);
            for (int from = 0; from < 70; from++) {
                for (int n : new int[] {0, 1, 2, 7, 13, 31, 32, 57, 64, 65, 129, values.length - from}) {
                    long expected = 0;
                    for (int i = from; i < from + n; i++) {
                        expected += base + values[i];
                    }
                    assertThat(packed.sum(from, n)).as("width %d [%d, +%d)", width, from, n).isEqualTo(expected);
                }
            }
        }
    }

    /**
     * Range tests of consecutive rows, which take the vector kernel ({@link PackedRangeVectors}, on in these tests:
     * {@code -Dbasalt.vectors=on}) for widths 1–25 and runs of 64 rows or more: every width, offsets that start on and
     * off a byte boundary, row counts that leave partial groups, ranges that keep none, few, some, all, and the stream's
     * last values (whose group loads must stay in the array), each against a test of the values one by one.
     */
    @Test
    void rangeTestsOfConsecutiveRowsKeepTheRowsInRangeAtEveryWidth() {
        assertThat(VectorInstructions.PACKED_KERNELS).as("the kernels as the build asked (basalt.vectors)")
                .isEqualTo(!"off".equals(System.getProperty("basalt.vectors")));
        Random random = new Random(31);
        for (int width = 1; width <= 30; width++) {
            long[] values = randomValues(random, 1_000, width);
            long base = 7_000;
            PackedLongs packed = frameOfReference(values, width, base);
            long max = (1L << width) - 1;
            // The narrow ones (an eighth of the width's values or less) take the 16-bit lanes up to 14 bits when the
            // vector kernels are off (PackedLongs.selectFewInRangeByLanes): at the bottom, the middle and the top.
            long[][] ranges = {{0, max}, {max / 3, max / 2}, {max + 1, max + 5}, {0, 0}, {max / 10, max / 10 * 9},
                {0, max / 9}, {max / 2, max / 2 + max / 16}, {max - max / 10, max}, {max, max}};
            for (int offset : new int[] {0, 1, 5, 8, 13, 100}) {
                for (int count : new int[] {64, 65, 127, 300, values.length - offset}) {
                    for (long[] range : ranges) {
                        int[] kept = new int[count];
                        int passed = packed.selectInRange(offset, null, count, base + range[0], base + range[1], kept);
                        int expected = 0;
                        for (int row = 0; row < count; row++) {
                            long value = values[offset + row];
                            if (value >= range[0] && value <= range[1]) {
                                assertThat(kept[expected]).as("width %d offset %d count %d", width, offset, count)
                                        .isEqualTo(row);
                                expected++;
                            }
                        }
                        assertThat(passed).as("width %d offset %d count %d range %s", width, offset, count,
                                Arrays.toString(range)).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /**
     * Bitmap tests of consecutive rows, which take the vector kernel ({@link PackedBitmapVectors}, on in these tests)
     * for widths 1–25 and runs of 64 rows or more: every width, offsets on and off a byte boundary, partial groups,
     * the stream's last values, bitmaps starting below, at and above the block's base (keys below the bitmap's first
     * and past its last are dropped), shifts too far for the kernel's int lanes (the scalar loop), sparse, half-full and
     * full bitmaps, both branch choices; each against a test of the keys one by one.
     */
    @Test
    void bitmapTestsOfConsecutiveRowsKeepTheRowsWithTheirBitSetAtEveryWidth() {
        assertThat(VectorInstructions.PACKED_KERNELS).as("the kernels as the build asked (basalt.vectors)")
                .isEqualTo(!"off".equals(System.getProperty("basalt.vectors")));
        Random random = new Random(37);
        for (int width = 1; width <= 28; width++) {
            long[] values = randomValues(random, 700, width);
            long base = 5_000;
            PackedLongs packed = frameOfReference(values, width, base);
            long max = (1L << width) - 1;
            long[][] minAndSpan = {{base, max}, {base + max / 3, Math.max(1, max / 3)}, {base - 100, max + 200},
                {base - (3L << 30), 1_000}, {base + max + 1, 64}};
            for (long[] bitmap : minAndSpan) {
                long min = bitmap[0];
                long span = bitmap[1];
                // Bits up to where keys can be; a shift too far for int lanes (the scalar loop) keeps every key out.
                long lastBit = Math.min(span, base + max - min);
                for (int density = 0; density < 3; density++) {
                    long[] words = new long[(int) (Math.min(span, Math.max(0, lastBit) + 64) >>> 6) + 2];
                    long wordsSpan = Math.min(span, ((long) words.length - 2 << 6) + 63);
                    for (int word = 0; word < words.length - 1; word++) { // the last word stays zero
                        long bits = random.nextLong();
                        for (int thinning = 0; thinning < 6 && density == 0; thinning++) {
                            bits &= random.nextLong(); // about one bit in 128
                        }
                        words[word] = density == 2 ? -1L : bits;
                    }
                    for (int offset : new int[] {0, 1, 5, 8, 13}) {
                        for (int count : new int[] {64, 65, 127, 300, values.length - offset}) {
                            int[] expected = java.util.stream.IntStream.range(0, count).filter(row -> {
                                long bit = base + values[offset + row] - min;
                                return bit >= 0 && bit <= wordsSpan && (words[(int) (bit >>> 6)] & 1L << bit) != 0;
                            }).toArray();
                            for (boolean fewKept : new boolean[] {false, true}) {
                                int[] out = new int[count];
                                int kept = packed.selectInBitmap(offset, null, count, min, wordsSpan, words, out, fewKept);
                                assertThat(Arrays.copyOf(out, kept)).as("width %d offset %d count %d min %d span %d",
                                        width, offset, count, min, wordsSpan).containsExactly(expected);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Gathers at rows dense enough for the vector kernel to unpack every row between the first and the last and keep
     * the wanted ones in place ({@link PackedUnpackVectors}, on in these tests), and whole stretches unpacked by it:
     * frame-of-reference values, dictionary entries and text codes, every width the kernel takes and a few past it,
     * selections starting on and off a group of eight, slices of a selection ({@code from}), sparse selections and
     * arrays too short to unpack into (the scalar reads), the stream's last values; each against the values one by one.
     * With the kernels, rows that do not ascend are refused loudly; a code past the dictionary's entries always is.
     */
    @Test
    void denseGathersAndUnpacksGiveTheValuesOfTheRowsAtEveryWidth() {
        assertThat(VectorInstructions.PACKED_KERNELS).as("the kernels as the build asked (basalt.vectors)")
                .isEqualTo(!"off".equals(System.getProperty("basalt.vectors")));
        Random random = new Random(41);
        for (int width = 1; width <= 28; width++) {
            int count = 900;
            long[] values = randomValues(random, count, width);
            PackedLongs forValues = frameOfReference(values, width, -40);
            int[] codes = Arrays.stream(values).mapToInt(v -> (int) v).toArray();
            PackedLongs textCodes = packedCodes(codes, width);
            for (double density : new double[] {0.97, 0.8, 0.3}) {
                for (int offset : new int[] {0, 3, 8, 13}) {
                    int[] positions = java.util.stream.IntStream.range(0, count - offset)
                            .filter(row -> random.nextDouble() < density).toArray();
                    for (int from : new int[] {0, 5}) {
                        int n = positions.length - from;
                        long[] out = new long[count];
                        forValues.gather(offset, positions, from, n, out);
                        for (int i = 0; i < n; i++) {
                            assertThat(out[i]).as("width %d offset %d from %d density %s row %d", width, offset, from,
                                    density, i).isEqualTo(values[offset + positions[from + i]] - 40);
                        }
                        long[] exact = new long[n];
                        forValues.gather(offset, positions, from, n, exact); // too short to unpack into: one by one
                        assertThat(exact).isEqualTo(Arrays.copyOf(out, n));
                    }
                    int[] codesOut = new int[count];
                    textCodes.gatherCodes(offset, positions, positions.length, 1 << width, codesOut);
                    for (int i = 0; i < positions.length; i++) {
                        assertThat(codesOut[i]).as("codes width %d offset %d", width, offset)
                                .isEqualTo(codes[offset + positions[i]]);
                    }
                }
            }
            for (int from : new int[] {0, 3, 8, 100}) {
                long[] unpacked = new long[count - from];
                forValues.unpack(from, unpacked.length, unpacked);
                for (int i = 0; i < unpacked.length; i++) {
                    assertThat(unpacked[i]).as("unpack width %d from %d", width, from).isEqualTo(values[from + i] - 40);
                }
                // every code of a stretch: several a load where they fit, checked against the entries in a pass after
                int[] everyCode = new int[count - from];
                textCodes.gatherCodes(from, null, everyCode.length, 1 << width, everyCode);
                assertThat(everyCode).as("every code width %d from %d", width, from)
                        .isEqualTo(Arrays.copyOfRange(codes, from, count));
                int largest = Arrays.stream(codes, from, count).max().orElseThrow();
                int at = from + Arrays.stream(codes, from, count).boxed().toList().indexOf(largest);
                assertThatThrownBy(() -> textCodes.gatherCodes(from, null, count - from, largest, new int[count]))
                        .as("a code past the entries, width %d", width).isInstanceOf(BlockFormatException.class)
                        .hasMessageContaining("code " + largest + " at value " + at + " is outside");
            }
        }
        long[] fewDistinct = random.ints(3000, 0, 37).mapToLong(i -> i * 1000L - 5).toArray();
        PackedLongs dictionary = (PackedLongs) roundTrip(fewDistinct, EncodingKind.DICTIONARY).encodedLongs();
        int[] dense = java.util.stream.IntStream.range(0, 2990).filter(row -> row % 10 != 3).toArray();
        long[] entries = new long[3000];
        dictionary.gather(7, dense, 0, dense.length, entries);
        for (int i = 0; i < dense.length; i++) {
            assertThat(entries[i]).isEqualTo(fewDistinct[7 + dense[i]]);
        }
        int[] tenBitCodes = random.ints(3000, 0, 1 << 10).toArray();
        tenBitCodes[2500] = 1000; // past the entries of a dictionary of 1,000
        assertThatThrownBy(() -> packedCodes(tenBitCodes, 10).gatherCodes(7, dense, dense.length, 1_000, new int[3000]))
                .isInstanceOf(BlockFormatException.class);
        int[] unordered = dense.clone();
        unordered[500] = unordered[100];
        long[] gathered = new long[3000];
        if (VectorInstructions.PACKED_KERNELS) { // the dense path, which keeps rows in place, needs them ascending
            assertThatThrownBy(() -> forValuesOf(fewDistinct).gather(0, unordered, 0, unordered.length, gathered))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
        } else { // the reads one by one take rows in any order
            forValuesOf(fewDistinct).gather(0, unordered, 0, unordered.length, gathered);
            assertThat(gathered[500]).isEqualTo(fewDistinct[unordered[500]]);
        }
    }

    private static PackedLongs forValuesOf(long[] values) {
        return (PackedLongs) roundTrip(values, EncodingKind.BIT_PACKED).encodedLongs();
    }

    /** {@code count} random values of at most {@code width} bits. */
    private static long[] randomValues(Random random, int count, int width) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = width == 64 ? random.nextLong() : random.nextLong() & ((1L << width) - 1);
        }
        return values;
    }

    /** {@code values} (each of at most {@code width} bits) bit-packed as a frame of reference on {@code base}. */
    private static PackedLongs frameOfReference(long[] values, int width, long base) {
        long[] stored = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            stored[i] = values[i] + base;
        }
        ByteSink sink = new ByteSink(16);
        sink.writeLong(base);
        sink.writeByte(width);
        BitPacking.pack(sink, stored, stored.length, base, width);
        byte[] bytes = sink.toByteArray();
        return PackedLongs.readFrameOfReference(new ByteSource(bytes, 0, bytes.length), values.length);
    }

    /**
     * The scalar unpack (all of it when the vector kernels are off, their head and tail when on) reads several values
     * from one load up to 28 bits: every width, runs starting at every value of a group of eight and ending inside
     * or past a group, against the values one by one.
     */
    @Test
    void theScalarUnpackGivesTheValuesOfEveryWidthFromEveryStart() {
        Random random = new Random(23);
        for (int width = 0; width <= 64; width++) {
            long[] values = randomValues(random, 150, width);
            PackedLongs packed = frameOfReference(values, width, 0);
            for (int first = 0; first < 10; first++) {
                for (int from : new int[] {0, 1, 5}) {
                    for (int to : new int[] {from, from + 3, from + 17, values.length - first}) {
                        long[] out = new long[values.length];
                        Arrays.fill(out, -1);
                        packed.unpackScalar(first, from, to, 7, out);
                        for (int i = from; i < to; i++) {
                            assertThat(out[i]).as("width %d first %d from %d to %d row %d", width, first, from, to, i)
                                    .isEqualTo(values[first + i] + 7);
                        }
                        assertThat(out[to == out.length ? to - 1 : to]).as("width %d: nothing past to", width)
                                .isEqualTo(to == out.length ? values[first + to - 1] + 7 : -1);
                    }
                }
            }
        }
    }

    @Test
    void everyWidthIsReadAtEveryBitOffsetOfItsFirstByte() {
        // Values up to 57 bits are read with one 8-byte load, wider ones with two: both sides of that line, every
        // bit offset in a byte (131 values), and the last value read from the stream's final bytes.
        Random random = new Random(17);
        for (int width = 0; width <= 64; width++) {
            long[] values = randomValues(random, 131, width);
            long base = -12_345;
            long[] stored = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                stored[i] = values[i] + base;
            }
            PackedLongs packed = frameOfReference(values, width, base);

            assertThat(packed.unpackAll().values()).as("width %d", width).startsWith(stored);
            int[] positions = {values.length - 1, 0, 57, 64};
            long[] gathered = new long[positions.length];
            packed.gather(0, positions, positions.length, gathered);
            for (int i = 0; i < positions.length; i++) {
                assertThat(gathered[i]).as("width %d row %d", width, positions[i]).isEqualTo(stored[positions[i]]);
            }
            int[] kept = new int[values.length];
            long last = stored[values.length - 1];
            int passed = packed.selectInRange(0, null, values.length, last, last, kept);
            assertThat(passed).as("width %d", width).isPositive();
            for (int i = 0; i < passed; i++) {
                assertThat(stored[kept[i]]).isEqualTo(last);
            }
        }
    }

    private static PackedLongs packedCodes(int[] codes, int width) {
        ByteSink sink = new ByteSink(16);
        sink.writeByte(width);
        BitPacking.packInts(sink, codes, codes.length, width);
        byte[] bytes = sink.toByteArray();
        return PackedLongs.readCodes(new ByteSource(bytes, 0, bytes.length), codes.length);
    }
}
