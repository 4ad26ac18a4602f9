package io.basalt.storage.encoding;

/** Reads the bit-packed codes shared by all dictionary encodings and checks each against the dictionary. */
final class DictionaryCodes {

    private DictionaryCodes() {
    }

    /** {@code u8 codeWidth, packed(code)}; every code must be below {@code entries}. */
    static int[] read(ByteSource in, int count, int entries) {
        int width = in.readBitWidth("dictionary code width", 32);
        int[] codes = new int[count];
        BitPacking.unpackInts(in, count, width, codes);
        if (entries < (1L << width)) {
            // Codes wider than the dictionary could point past it; a single pass keeps the gather loops
            // of the decoders free of checks.
            for (int i = 0; i < count; i++) {
                if (codes[i] < 0 || codes[i] >= entries) {
                    throw new BlockFormatException("dictionary code " + Integer.toUnsignedString(codes[i])
                            + " at value " + i + " is outside the " + entries + " entries");
                }
            }
        }
        return codes;
    }

    static void write(ByteSink out, int[] codes, int count, int entries) {
        int width = BitPacking.bitWidth(entries - 1);
        out.writeByte(width);
        BitPacking.packInts(out, codes, count, width);
    }
}
