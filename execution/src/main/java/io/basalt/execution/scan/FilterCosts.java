package io.basalt.execution.scan;

/**
 * Rough costs per row tested of the scan's filters on encoded blocks, in units of one bit-packed range test (about
 * 1 ns a row here), and the rank that orders two of them: cost over the share of rows removed. For independent
 * filters, running the lower rank first costs least. The costs only have to order the kinds: a bitmap test reads a
 * bit at a random place (1.3–3 ns a row in the profiles), a Bloom test hashes and reads several (about 3.6), a
 * run-length key block is tested once per run (lineitem's l_orderkey: four rows a run).
 */
final class FilterCosts {

    static final double RANGE = 1.0;
    static final double BITMAP = 2.0;
    static final double BLOOM = 4.0;
    /** A run-length block's share of a per-row test: l_orderkey has a run every four rows. */
    static final double PER_RUN = 0.25;

    private FilterCosts() {
    }

    /** The cost per row of testing {@code keys}, on a run-length block of keys when {@code runs}. */
    static double joinFilter(KeyMembershipFilter keys, boolean runs) {
        double perTest = keys instanceof BloomKeyFilter ? BLOOM : BITMAP;
        return runs ? perTest * PER_RUN : perTest;
    }

    /** The filter's rank: cost per row tested over the share of rows it removes ({@code 1 - keptShare}). */
    static double rank(double costPerRow, double keptShare) {
        double removed = 1.0 - keptShare;
        return removed <= 0 ? Double.POSITIVE_INFINITY : costPerRow / removed;
    }
}
