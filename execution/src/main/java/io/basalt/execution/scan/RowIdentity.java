package io.basalt.execution.scan;

import io.basalt.storage.vector.LongVector;

/**
 * The identity of a stored row as a scan reports it for {@code TableScanNode.ROW_ID}: its segment id in the upper
 * 32 bits and its offset in the segment in the lower 32. One BIGINT, so a row identity travels through joins,
 * projections and sorts like any other value, and DELETE, UPDATE and MERGE learn from their query which stored rows
 * to mark deleted. Segment ids come from the manifest's id counter, which grows by a handful per commit, and a
 * segment holds far fewer than 2^31 rows, so both halves fit.
 */
public final class RowIdentity {

    private RowIdentity() {
    }

    public static long of(long segmentId, int row) {
        if (segmentId < 0 || segmentId > 0xFFFF_FFFFL) {
            throw new IllegalStateException("segment id " + segmentId + " does not fit a row identity");
        }
        return segmentId << 32 | row;
    }

    public static long segmentId(long rowIdentity) {
        return rowIdentity >>> 32;
    }

    public static int row(long rowIdentity) {
        return (int) rowIdentity;
    }

    /** The identities of rows {@code [from, to)} of one segment. */
    static LongVector rows(long segmentId, int from, int to) {
        LongVector vector = new LongVector(to - from);
        long base = of(segmentId, 0);
        for (int row = from; row < to; row++) {
            vector.append(base | row);
        }
        return vector;
    }
}
