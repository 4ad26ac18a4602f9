package io.basalt.storage.encoding;

import java.util.Arrays;

/**
 * Packs unsigned integers of a fixed bit width into a little-endian bit stream: value {@code i} occupies
 * bits {@code [i * width, (i + 1) * width)}, where bit {@code b} of the stream is bit {@code b % 8} of byte
 * {@code b / 8}. The stream takes {@code ceil(count * width / 8)} bytes; unused high bits of the last byte
 * are zero. Widths run from 0 (every value is zero, no bytes) to 64.
 *
 * <p>Frame-of-reference packing stores {@code value - base} with wrapping (two's-complement) subtraction.
 * Read as an unsigned number that difference always fits 64 bits, even for {@code Long.MIN_VALUE} and
 * {@code Long.MAX_VALUE} in one block, and wrapping addition restores the value exactly. So there is no
 * overflow case to fall back from: a full-range block simply needs width 64.
 */
public final class BitPacking {

    /**
     * The widest value read with one 8-byte load at its first byte: it starts at bit 0..7 of that byte, so up to 57
     * of its bits lie in the 8 bytes from there (see {@link PackedLongs}).
     */
    static final int ONE_LOAD_WIDTH = 57;

    /**
     * Bytes after a packed stream ({@link #readPacked}): two words, so any value's 8 or 16 bytes can be read; their
     * contents never matter, the loads are masked.
     */
    public static final int PACKED_PADDING = 16;

    private BitPacking() {
    }

    /** The bits needed for {@code maxUnsigned}, read as an unsigned 64-bit number (0 for 0). */
    public static int bitWidth(long maxUnsigned) {
        return 64 - Long.numberOfLeadingZeros(maxUnsigned);
    }

    /** The bits needed for frame-of-reference values between {@code min} and {@code max} (signed, min ≤ max). */
    public static int rangeBitWidth(long min, long max) {
        return bitWidth(max - min);
    }

    /** Bytes taken by {@code count} values of {@code width} bits. */
    public static long packedBytes(long count, int width) {
        return (count * width + 7) >>> 3;
    }

    /** Writes {@code values[0, count) - base} in {@code width} bits each. Every difference must fit. */
    public static void pack(ByteSink out, long[] values, int count, long base, int width) {
        int byteCount = (int) packedBytes(count, width);
        if (width == 0) {
            return;
        }
        long[] words = new long[(byteCount + 7) >>> 3];
        long mask = mask(width);
        long bitPos = 0;
        for (int i = 0; i < count; i++, bitPos += width) {
            long v = (values[i] - base) & mask;
            int word = (int) (bitPos >>> 6);
            int shift = (int) (bitPos & 63);
            words[word] |= v << shift;
            if (shift + width > 64) {
                words[word + 1] |= v >>> (64 - shift);
            }
        }
        out.writeLongPrefix(words, byteCount);
    }

    /** Writes {@code values[0, count)} (non-negative) in {@code width} bits each. */
    public static void packInts(ByteSink out, int[] values, int count, int width) {
        long[] widened = new long[count];
        for (int i = 0; i < count; i++) {
            widened[i] = values[i] & 0xFFFF_FFFFL;
        }
        pack(out, widened, count, 0, width);
    }

    /**
     * Reads {@code count} values of {@code width} bits into {@code out[outOffset, outOffset + count)}, adding
     * {@code base} to each (wrapping). Checks the stream length first; the caller validated {@code width ≤ 64}.
     */
    public static void unpack(ByteSource in, int count, int width, long base, long[] out, int outOffset) {
        int byteCount = checkedByteCount(in, count, width);
        int start = in.skip(byteCount, "bit-packed values");
        if (width == 0) {
            Arrays.fill(out, outOffset, outOffset + count, base);
            return;
        }
        byte[] array = in.array();
        long mask = mask(width);
        int direct = width > ONE_LOAD_WIDTH ? 0 : valuesReadInPlace(array.length, start, count, width);
        long bitPos = (long) start << 3;
        for (int i = 0; i < direct; i++, bitPos += width) {
            // One unaligned 8-byte load at the value's first byte; the bytes after the stream are masked off.
            out[outOffset + i] = base + ((ByteSource.longAt(array, (int) (bitPos >>> 3)) >>> (bitPos & 7)) & mask);
        }
        if (direct == count) {
            return;
        }
        // The last few values (whose 8 bytes would run past the array) and values over 57 bits: from padded words.
        long[] words = readWords(array, start, byteCount);
        bitPos = (long) direct * width;
        for (int i = direct; i < count; i++, bitPos += width) {
            out[outOffset + i] = base + (wordValue(words, bitPos) & mask);
        }
    }

    /** Reads {@code count} values of at most 32 bits into {@code out[0, count)}. */
    public static void unpackInts(ByteSource in, int count, int width, int[] out) {
        if (width > 32) {
            throw new BlockFormatException("bit width " + width + " is too wide for 32-bit values");
        }
        int byteCount = checkedByteCount(in, count, width);
        int start = in.skip(byteCount, "bit-packed values");
        if (width == 0) {
            Arrays.fill(out, 0, count, 0);
            return;
        }
        byte[] array = in.array();
        long mask = mask(width);
        int direct = valuesReadInPlace(array.length, start, count, width);
        long bitPos = (long) start << 3;
        for (int i = 0; i < direct; i++, bitPos += width) {
            out[i] = (int) ((ByteSource.longAt(array, (int) (bitPos >>> 3)) >>> (bitPos & 7)) & mask);
        }
        if (direct == count) {
            return;
        }
        long[] words = readWords(array, start, byteCount);
        bitPos = (long) direct * width;
        for (int i = direct; i < count; i++, bitPos += width) {
            out[i] = (int) (wordValue(words, bitPos) & mask);
        }
    }

    /**
     * How many of {@code count} values of {@code width} bits starting at byte {@code start} can be read with one
     * 8-byte load each without running past an array of {@code arrayLength} bytes: value {@code i}'s load starts at
     * byte {@code start + (i * width >> 3)}.
     */
    private static int valuesReadInPlace(int arrayLength, int start, int count, int width) {
        long lastLoadStart = (long) arrayLength - 8 - start; // the last byte offset in the stream a load may start at
        if (lastLoadStart < 0) {
            return 0;
        }
        return (int) Math.min(count, (lastLoadStart * 8 + 7) / width + 1);
    }

    /**
     * The bits from {@code bitPos} of zero-padded words. Branch-free: the next word's bits are shifted in even when
     * not needed ((x << 1) << 63 - shift is x << 64 - shift without Java's shift-by-64 wrap).
     */
    private static long wordValue(long[] words, long bitPos) {
        int word = (int) (bitPos >>> 6);
        int shift = (int) (bitPos & 63);
        return (words[word] >>> shift) | ((words[word + 1] << 1) << (63 - shift));
    }

    /**
     * Skips {@code count} values of {@code width} bits (after checking they exist) and returns a copy of their
     * bytes followed by {@link #PACKED_PADDING} zero bytes, for random access ({@link PackedLongs}): a value is read
     * with one unaligned 8-byte load at its first byte, never past the array's end.
     */
    static byte[] readPacked(ByteSource in, int count, int width) {
        int byteCount = checkedByteCount(in, count, width);
        int start = in.skip(byteCount, "bit-packed values");
        byte[] bytes = new byte[byteCount + PACKED_PADDING];
        System.arraycopy(in.array(), start, bytes, 0, byteCount);
        return bytes;
    }

    static int checkedByteCount(ByteSource in, int count, int width) {
        long bytes = packedBytes(count, width);
        in.require(bytes, count + " values of " + width + " bits");
        return (int) bytes;
    }

    private static long mask(int width) {
        return width == 64 ? -1L : (1L << width) - 1;
    }

    /**
     * Copies the stream into whole words, zero-padded with one spare word, so the unpack loop can always
     * read a value's next word and never reads past an array end.
     */
    private static long[] readWords(byte[] array, int start, int byteCount) {
        long[] words = new long[((byteCount + 7) >>> 3) + 1];
        int fullWords = byteCount >>> 3;
        for (int i = 0; i < fullWords; i++) {
            words[i] = ByteSource.longAt(array, start + (i << 3));
        }
        int tail = byteCount & 7;
        if (tail != 0) {
            long last = 0;
            int base = start + (fullWords << 3);
            for (int b = 0; b < tail; b++) {
                last |= (array[base + b] & 0xFFL) << (b << 3);
            }
            words[fullWords] = last;
        }
        return words;
    }
}
