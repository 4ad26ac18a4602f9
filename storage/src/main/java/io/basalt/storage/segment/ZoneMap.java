package io.basalt.storage.segment;

import io.basalt.storage.type.PhysicalKind;

/**
 * Row count, null count and the bounds of the non-null values of a block or of a whole column of a
 * segment. Bounds are always safe: every non-null value lies within them, so a scan may skip a block the
 * bounds exclude; they may be wider than the data (truncated strings), never narrower. When a zone map has
 * no non-null values its bounds are meaningless and every {@code mayContain} answers false.
 *
 * <p>LONG and BOOLEAN columns use {@link LongZoneMap} (false = 0, true = 1), DOUBLE {@link DoubleZoneMap},
 * INT128 {@link Int128ZoneMap} and BYTES {@link BytesZoneMap}.
 */
public sealed interface ZoneMap permits LongZoneMap, DoubleZoneMap, Int128ZoneMap, BytesZoneMap {

    int rowCount();

    int nullCount();

    default int valueCount() {
        return rowCount() - nullCount();
    }

    /** Whether at least one row is not null. */
    default boolean hasValues() {
        return valueCount() > 0;
    }

    /** The zone map of both row sets together; {@code other} must be of the same kind. */
    ZoneMap merge(ZoneMap other);

    /** The zone map of zero rows. */
    static ZoneMap empty(PhysicalKind kind) {
        return switch (kind) {
            case LONG, BOOLEAN -> new LongZoneMap(0, 0, 0, 0);
            case DOUBLE -> new DoubleZoneMap(0, 0, Double.NaN, Double.NaN, false);
            case INT128 -> new Int128ZoneMap(0, 0, 0, 0, 0, 0);
            case BYTES -> new BytesZoneMap(0, 0, new byte[0], new byte[0]);
        };
    }

    static void checkCounts(int rowCount, int nullCount) {
        if (rowCount < 0 || nullCount < 0 || nullCount > rowCount) {
            throw new IllegalArgumentException("zone map of " + rowCount + " rows cannot have " + nullCount + " nulls");
        }
    }
}
