package io.basalt.storage.encoding;

/**
 * Size limits every block obeys. Writers cut blocks to stay inside them and readers reject blocks that
 * claim more, which is what keeps a corrupt or hostile file from making a decoder allocate without bound.
 */
public final class BlockLimits {

    /** The most rows one block holds. */
    public static final int MAX_ROWS = 1 << 16;

    /**
     * A BYTES block is cut once its values reach this many bytes, so its values total less than this plus
     * the length of its last (hence of its longest) value. Decoders enforce that bound on the expanded
     * values of constant, run-length and dictionary blocks, where a few stored bytes could otherwise
     * claim gigabytes.
     */
    public static final int BYTES_TARGET = 1 << 20;

    /**
     * A dictionary block whose values, each taken as long as the longest entry, would expand to no more than this is
     * accepted without adding up its values' real lengths: expanding it allocates at most this much, whatever the
     * file says. Above it, the real expanded size must obey the BYTES block bound ({@link #BYTES_TARGET}).
     */
    static final long MAX_UNCHECKED_EXPANSION = 16L * BYTES_TARGET;

    /** The most bytes one encoded block may take before compression (1 GiB); caps a single value's size. */
    public static final int MAX_BLOCK_BYTES = 1 << 30;

    private BlockLimits() {
    }

    /** Whether {@code totalBytes} of values, the longest {@code maxLength}, fit the BYTES block bound. */
    static boolean bytesWithinBound(long totalBytes, long maxLength) {
        return totalBytes < BYTES_TARGET + maxLength || totalBytes <= BYTES_TARGET;
    }
}
