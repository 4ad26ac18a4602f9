package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Named data sets per physical kind, from ordinary to extreme, for the round-trip tests. */
public final class TestData {

    public static final BigInteger TEN_TO_38_MINUS_1 = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);

    private TestData() {
    }

    /** Data sets of a kind, keyed by a readable name; each vector is freshly built. */
    public static Map<String, ColumnVector> dataSets(PhysicalKind kind) {
        Map<String, ColumnVector> sets = new LinkedHashMap<>();
        Random random = new Random(kind.ordinal() * 31L + 7);
        switch (kind) {
            case LONG -> {
                sets.put("single", TestVectors.longs(7L));
                sets.put("constant", TestVectors.longs(filled(1000, 42L)));
                sets.put("extremes", TestVectors.longs(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE));
                sets.put("min-max alternating", TestVectors.longs(alternating(1001, Long.MIN_VALUE, Long.MAX_VALUE)));
                sets.put("random full range", TestVectors.longs(random.longs(5000).toArray()));
                sets.put("small range", TestVectors.longs(random.longs(5000, 1000, 1101).toArray()));
                sets.put("negative small range", TestVectors.longs(random.longs(5000, -1_000_000, -999_000).toArray()));
                sets.put("sorted timestamps", TestVectors.longs(sortedTimestamps(random, 5000)));
                sets.put("descending", TestVectors.longs(descending(3000)));
                sets.put("runs", TestVectors.longs(runs(random, 100, 100)));
                sets.put("low cardinality wide", TestVectors.longs(lowCardinality(random, 10_000, 16)));
                sets.put("full block random", TestVectors.longs(random.longs(BlockLimits.MAX_ROWS).toArray()));
            }
            case DOUBLE -> {
                sets.put("single", TestVectors.doubles(-0.0));
                sets.put("constant", TestVectors.doubles(filled(1000, 1.5)));
                sets.put("specials", TestVectors.doubles(specialDoubles()));
                sets.put("random", TestVectors.doubles(random.doubles(5000).map(d -> (d - 0.5) * 1e12).toArray()));
                sets.put("few distinct", TestVectors.doubles(pick(random, 5000, new double[] {0.25, -3.5, 1e300, Double.NaN, -0.0})));
                sets.put("runs", TestVectors.doubles(Arrays.stream(runs(random, 50, 200)).mapToDouble(v -> v / 3.0).toArray()));
                sets.put("reals", TestVectors.doubles(random.doubles(2000).map(d -> (double) (float) (d * 1000)).toArray()));
            }
            case INT128 -> {
                sets.put("single", TestVectors.int128s(BigInteger.ONE));
                sets.put("constant", TestVectors.int128s(filled(700, TEN_TO_38_MINUS_1.negate())));
                sets.put("near 10^38", TestVectors.int128s(TEN_TO_38_MINUS_1, TEN_TO_38_MINUS_1.negate(), BigInteger.ZERO,
                        BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.valueOf(Long.MIN_VALUE), BigInteger.TWO.pow(64),
                        BigInteger.TWO.pow(64).negate(), BigInteger.TWO.pow(127).subtract(BigInteger.ONE), BigInteger.TWO.pow(127).negate()));
                sets.put("random", TestVectors.int128s(randomBigs(random, 3000)));
                sets.put("few distinct", TestVectors.int128s(pick(random, 3000, randomBigs(random, 7))));
            }
            case BYTES -> {
                sets.put("single", TestVectors.strings("x"));
                sets.put("constant", TestVectors.strings(filled(500, "abc")));
                sets.put("all empty", TestVectors.strings(filled(300, "")));
                sets.put("empty and not", TestVectors.strings("", "a", "", "", "bb", ""));
                sets.put("non-ASCII", TestVectors.strings("日本語", "👍🏽", "e\u0301", "", "a", "Ünïcödé", "\u0000", "𝄞 clef", "日本語"));
                sets.put("low cardinality", TestVectors.strings(pick(random, 5000, new String[] {"AIR", "MAIL", "RAIL", "SHIP", "TRUCK"})));
                sets.put("runs", TestVectors.strings(stringRuns(random, 40, 100)));
                sets.put("unique", TestVectors.strings(uniqueStrings(random, 4000)));
                sets.put("1 MB string", TestVectors.strings(longString(1 << 20, 'q')));
                sets.put("two long strings", TestVectors.strings(longString(1_000_000, 'a'), "x", longString(1_000_000, 'é')));
                sets.put("binary", TestVectors.bytes(new byte[] {(byte) 0xFF, 0, (byte) 0x80}, new byte[0], new byte[] {(byte) 0xFE}));
            }
            case BOOLEAN -> {
                sets.put("single", TestVectors.booleans(true));
                sets.put("constant true", TestVectors.booleans(filled(900, true)));
                sets.put("constant false", TestVectors.booleans(filled(900, false)));
                sets.put("alternating", TestVectors.booleans(alternatingBooleans(1001)));
                sets.put("runs", TestVectors.booleans(booleanRuns(random, 60, 300)));
                sets.put("random", TestVectors.booleans(randomBooleans(random, 5000)));
            }
        }
        return sets;
    }

    public static double[] specialDoubles() {
        return new double[] {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
                Double.longBitsToDouble(0x7FF0_0000_0000_0001L), Double.longBitsToDouble(0xFFF8_0000_0000_0000L),
                Double.longBitsToDouble(0x7FFF_FFFF_FFFF_FFFFL), 1.0, -1.0, 0.1, (double) Float.MAX_VALUE};
    }

    public static String longString(int length, char c) {
        return String.valueOf(c).repeat(length);
    }

    static long[] filled(int n, long value) {
        long[] values = new long[n];
        Arrays.fill(values, value);
        return values;
    }

    static double[] filled(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }

    static BigInteger[] filled(int n, BigInteger value) {
        BigInteger[] values = new BigInteger[n];
        Arrays.fill(values, value);
        return values;
    }

    static String[] filled(int n, String value) {
        String[] values = new String[n];
        Arrays.fill(values, value);
        return values;
    }

    static Boolean[] filled(int n, boolean value) {
        Boolean[] values = new Boolean[n];
        Arrays.fill(values, value);
        return values;
    }

    static long[] alternating(int n, long a, long b) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = i % 2 == 0 ? a : b;
        }
        return values;
    }

    public static long[] sortedTimestamps(Random random, int n) {
        long[] values = new long[n];
        long t = 1_700_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += 1 + random.nextInt(1000);
            values[i] = t;
        }
        return values;
    }

    static long[] descending(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1_000_000L - 3L * i;
        }
        return values;
    }

    public static long[] runs(Random random, int runCount, int maxRun) {
        List<Long> values = new ArrayList<>();
        for (int r = 0; r < runCount; r++) {
            long value = random.nextLong();
            int length = 1 + random.nextInt(maxRun);
            for (int i = 0; i < length; i++) {
                values.add(value);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    public static long[] lowCardinality(Random random, int n, int distinct) {
        long[] choices = random.longs(distinct).toArray();
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = choices[random.nextInt(distinct)];
        }
        return values;
    }

    static double[] pick(Random random, int n, double[] choices) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = choices[random.nextInt(choices.length)];
        }
        return values;
    }

    static BigInteger[] pick(Random random, int n, BigInteger[] choices) {
        BigInteger[] values = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            values[i] = choices[random.nextInt(choices.length)];
        }
        return values;
    }

    public static String[] pick(Random random, int n, String[] choices) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = choices[random.nextInt(choices.length)];
        }
        return values;
    }

    public static BigInteger[] randomBigs(Random random, int n) {
        BigInteger[] values = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            BigInteger magnitude = new BigInteger(126, random).mod(BigInteger.TEN.pow(38));
            values[i] = random.nextBoolean() ? magnitude : magnitude.negate();
        }
        return values;
    }

    static String[] stringRuns(Random random, int runCount, int maxRun) {
        List<String> values = new ArrayList<>();
        for (int r = 0; r < runCount; r++) {
            String value = "run-" + random.nextInt(1_000_000) + "-ü";
            int length = 1 + random.nextInt(maxRun);
            for (int i = 0; i < length; i++) {
                values.add(value);
            }
        }
        return values.toArray(new String[0]);
    }

    public static String[] uniqueStrings(Random random, int n) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = "value " + i + " " + Long.toHexString(random.nextLong()) + (i % 7 == 0 ? " 日本" : "");
        }
        return values;
    }

    static Boolean[] alternatingBooleans(int n) {
        Boolean[] values = new Boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = i % 2 == 0;
        }
        return values;
    }

    static Boolean[] booleanRuns(Random random, int runCount, int maxRun) {
        List<Boolean> values = new ArrayList<>();
        boolean value = random.nextBoolean();
        for (int r = 0; r < runCount; r++) {
            int length = 1 + random.nextInt(maxRun);
            for (int i = 0; i < length; i++) {
                values.add(value);
            }
            value = !value;
        }
        return values.toArray(new Boolean[0]);
    }

    static Boolean[] randomBooleans(Random random, int n) {
        Boolean[] values = new Boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextBoolean();
        }
        return values;
    }

    /** The same values with every third position null (the value slot keeps garbage the encoder must ignore). */
    public static ColumnVector withSomeNulls(ColumnVector vector) {
        if (vector instanceof BytesVector bytes) {
            BytesVector copy = new BytesVector(bytes.positionCount(), bytes.dataSize());
            for (int i = 0; i < bytes.positionCount(); i++) {
                if (i % 3 == 1) {
                    copy.appendNull();
                } else {
                    copy.appendFrom(bytes, i);
                }
            }
            return copy;
        }
        ColumnVector copy = TestVectors.slice(vector, 0, vector.positionCount());
        return TestVectors.withNullsEvery(copy, 3, 1);
    }

    /** {@code n} nulls of a kind. */
    public static ColumnVector allNulls(PhysicalKind kind, int n) {
        ColumnVector vector = ColumnVector.create(kind, n);
        for (int i = 0; i < n; i++) {
            vector.appendNull();
        }
        return vector;
    }

}
