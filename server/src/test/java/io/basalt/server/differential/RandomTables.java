package io.basalt.server.differential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The tables of the differential test: three tables of one shape (so that set operations can combine any two),
 * with every column but {@code id} NULL in about a tenth of the rows, and values drawn from small ranges so that
 * filters, joins and groups find matches. The same statements create them in Basalt and in DuckDB.
 */
final class RandomTables {

    static final List<String> NAMES = List.of("alpha", "beta", "gamma");
    private static final int[] ROWS = {300, 200, 60};

    /** Columns other than {@code id}, by kind, for the query generator. */
    static final List<String> INTEGER_COLUMNS = List.of("k", "n");
    static final List<String> NUMERIC_COLUMNS = List.of("k", "n", "amount", "ratio");
    static final List<String> ALL_COLUMNS = List.of("k", "n", "amount", "ratio", "label", "day", "flag");
    static final List<String> LABELS = List.of("ash", "basalt", "chalk", "dolomite", "flint", "gneiss", "marble",
            "shale");
    static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    static final int DAYS = 1000;

    private RandomTables() {
    }

    /** CREATE TABLE and INSERT statements for every table, drawn from {@code random}. */
    static List<String> statements(Random random) {
        List<String> statements = new ArrayList<>();
        for (int t = 0; t < NAMES.size(); t++) {
            statements.add("CREATE TABLE " + NAMES.get(t) + " (id INTEGER NOT NULL, k INTEGER, n INTEGER, "
                    + "amount DECIMAL(10,2), ratio DOUBLE, label VARCHAR, day DATE, flag BOOLEAN)");
            StringJoiner rows = new StringJoiner(", ", "INSERT INTO " + NAMES.get(t) + " VALUES ", "");
            for (int id = 1; id <= ROWS[t]; id++) {
                rows.add("(" + id + ", " + orNull(random, Integer.toString(random.nextInt(10)))
                        + ", " + orNull(random, Integer.toString(random.nextInt(2001) - 1000))
                        + ", " + orNull(random, decimal(random))
                        + ", " + orNull(random, Double.toString(random.nextInt(2_000_000) / 1000.0 - 1000))
                        + ", " + orNull(random, "'" + LABELS.get(random.nextInt(LABELS.size())) + "'")
                        + ", " + orNull(random, "DATE '" + FIRST_DAY.plusDays(random.nextInt(DAYS)) + "'")
                        + ", " + orNull(random, Boolean.toString(random.nextBoolean())) + ")");
            }
            statements.add(rows.toString());
        }
        return statements;
    }

    /** A DECIMAL(10,2) literal between -10000.00 and 10000.00. */
    static String decimal(Random random) {
        int cents = random.nextInt(2_000_001) - 1_000_000;
        String sign = cents < 0 ? "-" : "";
        int magnitude = Math.abs(cents);
        return sign + magnitude / 100 + "." + String.format("%02d", magnitude % 100);
    }

    private static String orNull(Random random, String value) {
        return random.nextInt(10) == 0 ? "NULL" : value;
    }
}
