package io.basalt.storage.encoding;

/** A boolean stored in one byte, which must be 0 or 1. */
final class BooleanBits {

    private BooleanBits() {
    }

    static boolean read(ByteSource in, String what) {
        int value = in.readUnsignedByte(what);
        if (value > 1) {
            throw new BlockFormatException(what + " is " + value + ", expected 0 or 1");
        }
        return value == 1;
    }
}
