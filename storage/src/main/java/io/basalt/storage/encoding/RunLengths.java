package io.basalt.storage.encoding;

/** Checks shared by the run-length decoders. */
final class RunLengths {

    private RunLengths() {
    }

    /** Reads and checks run lengths: each at least 1, together exactly {@code count}. */
    static int[] read(ByteSource in, int runs, int count) {
        int lengthWidth = in.readBitWidth("run length width", 32);
        int[] lengths = new int[runs];
        BitPacking.unpackInts(in, runs, lengthWidth, lengths);
        long total = 0;
        for (int r = 0; r < runs; r++) {
            if (lengths[r] <= 0) {
                throw new BlockFormatException("run " + r + " has length " + Integer.toUnsignedString(lengths[r]));
            }
            total += lengths[r];
        }
        checkTotal(total, count);
        return lengths;
    }

    /** {@code u8 lengthWidth, packed(length)}. */
    static void write(ByteSink out, int[] lengths, int runs) {
        int max = 0;
        for (int r = 0; r < runs; r++) {
            max = Math.max(max, lengths[r]);
        }
        int width = BitPacking.bitWidth(max);
        out.writeByte(width);
        BitPacking.packInts(out, lengths, runs, width);
    }

    private static void checkTotal(long total, int count) {
        if (total != count) {
            throw new BlockFormatException("runs cover " + total + " values, the block has " + count);
        }
    }
}
