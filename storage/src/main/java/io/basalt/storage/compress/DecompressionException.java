package io.basalt.storage.compress;

/**
 * Compressed bytes could not be expanded to the expected length. Codecs know nothing about files, so the
 * segment reader turns this into a {@code CorruptDataException} that names the file, column and block.
 */
public final class DecompressionException extends RuntimeException {

    public DecompressionException(String message) {
        super(message);
    }

    public DecompressionException(String message, Throwable cause) {
        super(message, cause);
    }
}
