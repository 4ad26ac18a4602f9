package io.basalt.storage.index;

import io.basalt.storage.encoding.IndexSort;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;
import java.util.List;

/**
 * The order of an index's rows: by each key column in turn, ascending or descending, with PostgreSQL's default NULL
 * placement (NULLS LAST ascending, NULLS FIRST descending: a NULL sorts as the largest value). Values compare as SQL
 * does: integers, dates, times, timestamps and decimals as signed numbers, doubles with -0.0 = 0.0 and NaN largest,
 * text byte by byte in UTF-8 (code point order, the C collation Basalt compares text in).
 */
final class IndexRowOrder implements IndexSort.IndexComparator {

    private final List<ColumnVector> keys;
    private final boolean[] descending;

    IndexRowOrder(List<ColumnVector> keys, boolean[] descending) {
        this.keys = List.copyOf(keys);
        this.descending = descending.clone();
    }

    @Override
    public int compare(int left, int right) {
        for (int k = 0; k < keys.size(); k++) {
            int order = compare(keys.get(k), left, right);
            if (order != 0) {
                return descending[k] ? -order : order;
            }
        }
        return Integer.compare(left, right); // table order among equal keys: a stable, reproducible index
    }

    private static int compare(ColumnVector vector, int left, int right) {
        boolean leftNull = vector.isNull(left);
        boolean rightNull = vector.isNull(right);
        if (leftNull || rightNull) {
            return Boolean.compare(leftNull, rightNull);
        }
        if (vector instanceof LongVector longs) {
            return Long.compare(longs.get(left), longs.get(right));
        }
        if (vector instanceof DoubleVector doubles) {
            double a = doubles.get(left);
            double b = doubles.get(right);
            return a == b ? 0 : Double.compare(a, b);
        }
        if (vector instanceof BytesVector bytes) {
            return Arrays.compareUnsigned(bytes.data(), bytes.offset(left), bytes.offset(left) + bytes.length(left),
                    bytes.data(), bytes.offset(right), bytes.offset(right) + bytes.length(right));
        }
        if (vector instanceof Int128Vector wide) {
            int high = Long.compare(wide.high()[left], wide.high()[right]);
            return high != 0 ? high : Long.compareUnsigned(wide.low()[left], wide.low()[right]);
        }
        BooleanVector booleans = (BooleanVector) vector;
        return Boolean.compare(booleans.get(left), booleans.get(right));
    }
}
