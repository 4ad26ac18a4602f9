package io.basalt.server.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Times prepared statements through embedded JDBC ({@code jdbc:basalt:mem:}): inserting rows with
 * {@code addBatch}/{@code executeBatch} into an 8-column lineitem-like table, and the warm cost of one execution of
 * small queries with a reused plan ({@code PreparedStatement}) against planning every time ({@code Statement}).
 * Not a test; run by hand (see server/README.md):
 *
 * <pre>java -cp … io.basalt.server.bench.PreparedStatementBenchmark [rows [inserts|queries]]</pre>
 */
public final class PreparedStatementBenchmark {

    private static final String TABLE = "CREATE TABLE lineitem (l_orderkey BIGINT, l_partkey BIGINT, l_quantity DECIMAL(15,2),"
            + " l_extendedprice DECIMAL(15,2), l_discount DECIMAL(15,2), l_shipdate DATE, l_shipmode CHAR(10),"
            + " l_comment VARCHAR(44))";
    private static final String INSERT = "INSERT INTO lineitem VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String[] MODES = {"AIR", "MAIL", "RAIL", "SHIP", "TRUCK", "REG AIR", "FOB"};
    private static final LocalDate FIRST_DAY = LocalDate.of(1992, 1, 1);

    private PreparedStatementBenchmark() {
    }

    public static void main(String[] arguments) throws SQLException {
        int rows = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 100_000;
        String part = arguments.length > 1 ? arguments[1] : "all";
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:")) {
            if (!part.equals("queries")) {
                batchInsert(connection, rows, rows, 5);
                batchInsert(connection, rows, 1_000, 3);
                singleInserts(connection, 200);
            }
            if (part.equals("inserts")) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS lineitem");
                statement.execute(TABLE);
            }
            insert(connection, rows, rows);
            compare(connection, "Q6-like aggregate",
                    "SELECT sum(l_extendedprice * l_discount) FROM lineitem WHERE l_shipdate >= ? AND l_shipdate < ?"
                            + " AND l_discount BETWEEN ? AND ? AND l_quantity < ?",
                    "SELECT sum(l_extendedprice * l_discount) FROM lineitem WHERE l_shipdate >= DATE '1994-01-01'"
                            + " AND l_shipdate < DATE '1995-01-01' AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24",
                    statement -> {
                        statement.setDate(1, Date.valueOf("1994-01-01"));
                        statement.setDate(2, Date.valueOf("1995-01-01"));
                        statement.setBigDecimal(3, new BigDecimal("0.05"));
                        statement.setBigDecimal(4, new BigDecimal("0.07"));
                        statement.setInt(5, 24);
                    });
            compare(connection, "point lookup",
                    "SELECT l_comment, l_shipmode FROM lineitem WHERE l_orderkey = ?",
                    "SELECT l_comment, l_shipmode FROM lineitem WHERE l_orderkey = 4242",
                    statement -> statement.setLong(1, 4242));
        }
    }

    /** Best and median of {@code runs} loads of {@code rows} rows into a fresh table, in batches of {@code batchSize}. */
    private static void batchInsert(Connection connection, int rows, int batchSize, int runs) throws SQLException {
        long[] millis = new long[runs];
        for (int run = 0; run < runs; run++) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS lineitem");
                statement.execute(TABLE);
            }
            long start = System.nanoTime();
            insert(connection, rows, batchSize);
            millis[run] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("executeBatch, %,d rows in batches of %,d: best %d ms, median %d ms (%,.0f rows/s at the median)%n",
                rows, batchSize, millis[0], millis[runs / 2], rows * 1000.0 / millis[runs / 2]);
    }

    private static void insert(Connection connection, int rows, int batchSize) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < rows; i++) {
                bindRow(insert, i);
                insert.addBatch();
                if ((i + 1) % batchSize == 0 || i == rows - 1) {
                    insert.executeBatch();
                }
            }
        }
    }

    private static void bindRow(PreparedStatement insert, int i) throws SQLException {
        insert.setLong(1, i / 4 + 1);
        insert.setLong(2, (i * 7919L) % 200_000);
        insert.setBigDecimal(3, BigDecimal.valueOf(1 + i % 50));
        insert.setBigDecimal(4, BigDecimal.valueOf(90_000 + (i * 31L) % 10_000_000, 2));
        insert.setBigDecimal(5, BigDecimal.valueOf(i % 11, 2));
        insert.setObject(6, FIRST_DAY.plusDays(i % 2_500));
        insert.setString(7, MODES[i % MODES.length]);
        insert.setString(8, "comment " + i);
    }

    /** Rows per second of executeUpdate, one row and one transaction per call, for comparison. */
    private static void singleInserts(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS lineitem");
            statement.execute(TABLE);
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                bindRow(insert, i);
                insert.executeUpdate();
            }
            double micros = (System.nanoTime() - start) / 1e3 / rows;
            System.out.printf("executeUpdate, one row per call (%,d calls): %.0f µs per row (%,.0f rows/s)%n",
                    rows, micros, 1e6 / micros);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Median latency of a warm prepared execution and of the same query as text through a plain Statement. */
    private static void compare(Connection connection, String name, String parameterized, String literal, Binder binder)
            throws SQLException {
        int warmup = 100;
        int iterations = 300;
        double[] prepared = new double[iterations];
        double[] plain = new double[iterations];
        Object preparedAnswer;
        Object plainAnswer;
        try (PreparedStatement statement = connection.prepareStatement(parameterized)) {
            binder.bind(statement);
            preparedAnswer = firstValue(statement.executeQuery());
            for (int i = 0; i < warmup + iterations; i++) {
                long start = System.nanoTime();
                firstValue(statement.executeQuery());
                if (i >= warmup) {
                    prepared[i - warmup] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            plainAnswer = firstValue(statement.executeQuery(literal));
            for (int i = 0; i < warmup + iterations; i++) {
                long start = System.nanoTime();
                firstValue(statement.executeQuery(literal));
                if (i >= warmup) {
                    plain[i - warmup] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        if (!String.valueOf(preparedAnswer).equals(String.valueOf(plainAnswer))) {
            throw new IllegalStateException(name + ": prepared answered " + preparedAnswer + ", plain " + plainAnswer);
        }
        Arrays.sort(prepared);
        Arrays.sort(plain);
        System.out.printf("%s (answer %s): PreparedStatement median %.3f ms (p90 %.3f), Statement median %.3f ms (p90 %.3f)%n",
                name, preparedAnswer, prepared[iterations / 2], prepared[iterations * 9 / 10], plain[iterations / 2],
                plain[iterations * 9 / 10]);
    }

    private static Object firstValue(ResultSet rows) throws SQLException {
        try (rows) {
            return rows.next() ? rows.getObject(1) : null;
        }
    }
}
