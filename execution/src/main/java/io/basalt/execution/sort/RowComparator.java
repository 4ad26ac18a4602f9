package io.basalt.execution.sort;

import io.basalt.execution.plan.SortKey;
import io.basalt.storage.segment.Int128ZoneMap;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;
import java.util.List;

/**
 * Orders rows by ORDER BY keys: per key ascending or descending, NULLs first or last. Values compare as
 * SQL orders them: numbers numerically (DOUBLE in {@link Double#compare} order, NaN last), strings by UTF-8
 * bytes (code point order), FALSE before TRUE. Rows may come from different vector sets (the runs of a
 * merge).
 */
public final class RowComparator {

    private final int[] columns;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;
    private final ValueComparator[] comparators;

    public RowComparator(List<SortKey> keys, List<PhysicalKind> kinds) {
        int count = keys.size();
        columns = new int[count];
        ascending = new boolean[count];
        nullsFirst = new boolean[count];
        comparators = new ValueComparator[count];
        for (int k = 0; k < count; k++) {
            SortKey key = keys.get(k);
            columns[k] = key.column();
            ascending[k] = key.ascending();
            nullsFirst[k] = key.nullsFirst();
            comparators[k] = ValueComparator.of(kinds.get(key.column()));
        }
    }

    public int compare(ColumnVector[] left, int leftRow, ColumnVector[] right, int rightRow) {
        for (int k = 0; k < columns.length; k++) {
            ColumnVector a = left[columns[k]];
            ColumnVector b = right[columns[k]];
            boolean aNull = a.isNull(leftRow);
            boolean bNull = b.isNull(rightRow);
            if (aNull || bNull) {
                if (aNull && bNull) {
                    continue;
                }
                return aNull == nullsFirst[k] ? -1 : 1;
            }
            int comparison = comparators[k].compare(a, leftRow, b, rightRow);
            if (comparison != 0) {
                return ascending[k] ? comparison : -comparison;
            }
        }
        return 0;
    }

    /** Compares two non-NULL values of one physical kind. */
    @FunctionalInterface
    interface ValueComparator {

        int compare(ColumnVector left, int leftRow, ColumnVector right, int rightRow);

        static ValueComparator of(PhysicalKind kind) {
            return switch (kind) {
                case LONG -> (a, i, b, j) -> Long.compare(((LongVector) a).values()[i], ((LongVector) b).values()[j]);
                case DOUBLE -> (a, i, b, j) -> Double.compare(((DoubleVector) a).values()[i], ((DoubleVector) b).values()[j]);
                case BOOLEAN -> (a, i, b, j) -> Boolean.compare(((BooleanVector) a).values()[i], ((BooleanVector) b).values()[j]);
                case INT128 -> (a, i, b, j) -> Int128ZoneMap.compare(((Int128Vector) a).high()[i], ((Int128Vector) a).low()[i],
                        ((Int128Vector) b).high()[j], ((Int128Vector) b).low()[j]);
                case BYTES -> (a, i, b, j) -> {
                    BytesVector x = (BytesVector) a;
                    BytesVector y = (BytesVector) b;
                    return Arrays.compareUnsigned(x.data(), x.offset(i), x.offset(i + 1), y.data(), y.offset(j), y.offset(j + 1));
                };
            };
        }
    }
}
