package io.basalt.storage.encoding;

/**
 * Encoded bytes do not follow the format: a length runs past the end, a bit width is impossible, a code
 * points outside its dictionary. Decoders throw this instead of letting an index error or a huge allocation
 * happen. Decoders do not know which file they read, so the segment reader turns this into a
 * {@code CorruptDataException} naming the file, column and block.
 */
public final class BlockFormatException extends RuntimeException {

    public BlockFormatException(String message) {
        super(message);
    }
}
