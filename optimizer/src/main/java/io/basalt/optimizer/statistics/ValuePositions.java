package io.basalt.optimizer.statistics;

import io.basalt.storage.segment.BytesZoneMap;
import io.basalt.storage.segment.DoubleZoneMap;
import io.basalt.storage.segment.Int128ZoneMap;
import io.basalt.storage.segment.LongZoneMap;
import io.basalt.storage.segment.ZoneMap;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Values as positions on one number line per column, so that a range predicate's selectivity is the share of
 * {@code [low, high]} it covers. Numbers are their value (decimals unscaled back to their value), dates days,
 * timestamps microseconds, booleans 0 and 1, and text its first seven bytes read as a base-256 number (exact in
 * a double; enough to tell ranges of ordinary text apart, and only ever used for estimates). NaN means "no
 * position": the caller then falls back to a guess.
 */
public final class ValuePositions {

    private static final int TEXT_BYTES = 7;

    private ValuePositions() {
    }

    /** The positions of a zone map's bounds as {@code {low, high}}, NaN where unknown. */
    static double[] bounds(ZoneMap zoneMap, LogicalType type) {
        if (!zoneMap.hasValues()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (zoneMap instanceof LongZoneMap longs) {
            double divisor = type.kind() == TypeKind.DECIMAL ? Math.pow(10, type.scale()) : 1;
            return new double[] {longs.min() / divisor, longs.max() / divisor};
        }
        if (zoneMap instanceof DoubleZoneMap doubles) {
            return new double[] {doubles.min(), doubles.max()};
        }
        if (zoneMap instanceof Int128ZoneMap wide) {
            return new double[] {int128(wide.minHigh(), wide.minLow(), type.scale()),
                    int128(wide.maxHigh(), wide.maxLow(), type.scale())};
        }
        BytesZoneMap bytes = (BytesZoneMap) zoneMap;
        return new double[] {text(bytes.min()), bytes.hasUpperBound() ? text(bytes.max()) : Double.NaN};
    }

    /**
     * The position of a constant as Calcite holds it (a literal's value or a Sarg bound: BigDecimal, NlsString,
     * DateString, TimestampString, Boolean, String), NaN when it has none.
     */
    public static double of(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof NlsString text) {
            return of(text.getValue());
        }
        if (value instanceof String text) {
            return text(stripTrailingBlanks(text).getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof DateString date) {
            return date.getDaysSinceEpoch();
        }
        if (value instanceof TimestampString timestamp) {
            return timestamp.getMillisSinceEpoch() * 1000.0;
        }
        if (value instanceof Boolean flag) {
            return flag ? 1 : 0;
        }
        return Double.NaN;
    }

    /** CHAR constants arrive blank-padded; stored values and bounds are not. */
    private static String stripTrailingBlanks(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    static double text(byte[] bytes) {
        double position = 0;
        for (int i = 0; i < TEXT_BYTES; i++) {
            position = position * 256 + (i < bytes.length ? bytes[i] & 0xFF : 0);
        }
        return position;
    }

    private static double int128(long high, long low, int scale) {
        BigInteger value = BigInteger.valueOf(high).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
        return new BigDecimal(value, scale).doubleValue();
    }
}
