package io.basalt.execution.scan;

import io.basalt.storage.segment.BytesZoneMap;
import io.basalt.storage.segment.DoubleZoneMap;
import io.basalt.storage.segment.Int128ZoneMap;
import io.basalt.storage.segment.LongZoneMap;
import io.basalt.storage.segment.ZoneMap;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One conjunct of a scan's pushed filter in a form zone maps can judge: a column compared with constants.
 * {@link #excludes} is true only when no row of the block (or segment) can make the conjunct TRUE; when
 * unsure it answers false, and the filter itself decides row by row.
 *
 * @param column    the column's index in the segment
 * @param operator  the comparison, with the column on the left
 * @param constants the constants' values in {@code Literal}'s representation ({@code null} for SQL NULL);
 *                  one for comparisons, any number for IN, none for IS [NOT] NULL
 */
record ZoneMapCondition(int column, Operator operator, List<Object> constants) {

    enum Operator { EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, IN, IS_NULL, IS_NOT_NULL }

    ZoneMapCondition {
        constants = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(constants));
    }

    boolean excludes(ZoneMap zoneMap) {
        if (zoneMap.rowCount() == 0) {
            return true;
        }
        if (operator == Operator.IS_NULL) {
            return zoneMap.nullCount() == 0;
        }
        if (operator == Operator.IS_NOT_NULL) {
            return !zoneMap.hasValues();
        }
        // A comparison or IN is never TRUE on NULLs, so a block of only NULLs is out.
        if (!zoneMap.hasValues()) {
            return true;
        }
        if (operator == Operator.IN) {
            for (Object constant : constants) {
                if (constant != null && !excludesComparison(zoneMap, Operator.EQUAL, constant)) {
                    return false;
                }
            }
            return true;
        }
        Object constant = constants.get(0);
        if (constant == null) {
            return true; // comparing with NULL is never TRUE
        }
        return excludesComparison(zoneMap, operator, constant);
    }

    private static boolean excludesComparison(ZoneMap zoneMap, Operator operator, Object constant) {
        int belowMin;
        int aboveMax;
        if (zoneMap instanceof LongZoneMap longs) {
            long value = constant instanceof Boolean flag ? (flag ? 1 : 0) : (Long) constant;
            belowMin = Long.compare(value, longs.min());
            aboveMax = Long.compare(value, longs.max());
        } else if (zoneMap instanceof DoubleZoneMap doubles) {
            double value = (Double) constant;
            // NaN sorts differently across engines, and IEEE comparisons treat -0.0 and 0.0 as equal while the
            // bounds order them: compare with IEEE operators and give up whenever NaN is involved.
            if (doubles.hasNaN() || Double.isNaN(value) || Double.isNaN(doubles.min())) {
                return false;
            }
            belowMin = value < doubles.min() ? -1 : value > doubles.min() ? 1 : 0;
            aboveMax = value < doubles.max() ? -1 : value > doubles.max() ? 1 : 0;
        } else if (zoneMap instanceof Int128ZoneMap wide) {
            BigInteger value = (BigInteger) constant;
            long high = value.shiftRight(64).longValue();
            long low = value.longValue();
            belowMin = Int128ZoneMap.compare(high, low, wide.minHigh(), wide.minLow());
            aboveMax = Int128ZoneMap.compare(high, low, wide.maxHigh(), wide.maxLow());
        } else {
            BytesZoneMap bytes = (BytesZoneMap) zoneMap;
            byte[] value = ((String) constant).getBytes(StandardCharsets.UTF_8);
            belowMin = Integer.signum(Arrays.compareUnsigned(value, bytes.min()));
            // Without an upper bound every value may be larger than the constant.
            aboveMax = bytes.hasUpperBound() ? Integer.signum(Arrays.compareUnsigned(value, bytes.max())) : -1;
            if (operator == Operator.NOT_EQUAL && !bytes.hasUpperBound()) {
                return false;
            }
        }
        return switch (operator) {
            case EQUAL -> belowMin < 0 || aboveMax > 0;
            case NOT_EQUAL -> belowMin == 0 && aboveMax == 0;
            case LESS_THAN -> belowMin <= 0;
            case LESS_THAN_OR_EQUAL -> belowMin < 0;
            case GREATER_THAN -> aboveMax >= 0;
            case GREATER_THAN_OR_EQUAL -> aboveMax > 0;
            default -> false;
        };
    }
}
