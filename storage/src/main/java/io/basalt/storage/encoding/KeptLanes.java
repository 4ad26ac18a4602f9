package io.basalt.storage.encoding;

/** The rows of a vector kernel's kept lanes, written in order. */
final class KeptLanes {

    private KeptLanes() {
    }

    /**
     * Writes {@code row + lane} for each set bit {@code lane} of {@code lanes}, lowest first, to {@code out} from
     * {@code kept} on; returns the new count.
     */
    static int write(long lanes, int row, int[] out, int kept) {
        while (lanes != 0) {
            out[kept++] = row + Long.numberOfTrailingZeros(lanes);
            lanes &= lanes - 1;
        }
        return kept;
    }
}
