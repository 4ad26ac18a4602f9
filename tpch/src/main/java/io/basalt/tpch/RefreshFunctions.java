package io.basalt.tpch;

import io.basalt.tpch.report.Numbers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code basalt tpch refresh}: the TPC-H refresh functions on a loaded database. RF1 inserts a refresh set's
 * orders and line items ({@link RefreshSet}); RF2 deletes them again, line items first because they reference
 * their orders; both are timed. Then the row counts must be those of before, and every query must again give
 * the reference answer. Rows travel as multi-row {@code INSERT … VALUES} and {@code DELETE … WHERE key IN
 * (…)} statements of {@value #ROWS_PER_STATEMENT} rows: plain SQL that any database and any transport (also
 * a remote server, which cannot read the client's files) accepts.
 */
final class RefreshFunctions {

    static final int ROWS_PER_STATEMENT = 500;

    /** Exit status of a refresh the database cannot do yet (no DELETE): not a wrong answer, not a crash. */
    static final int NOT_SUPPORTED = 3;

    private final BenchmarkDatabase database;
    private final RefreshSet set;
    private final Progress progress;
    private final PrintStream out;

    RefreshFunctions(BenchmarkDatabase database, RefreshSet set, Progress progress, PrintStream out) {
        this.database = database;
        this.set = set;
        this.progress = progress;
        this.out = out;
    }

    /** 0 when RF1, RF2 and the validation after them succeed; {@link #NOT_SUPPORTED}; 1 otherwise. */
    @SuppressWarnings("try") // a progress ticker only marks a scope: the body never needs to name it
    int run(Optional<Path> answers, List<Integer> queries) throws SQLException, IOException {
        String label = database.label();
        Optional<String> refusal = deleteRefusal();
        if (refusal.isPresent()) {
            out.println(label + ": refresh: not supported by this database yet (RF2 needs DELETE): " + refusal.get());
            return NOT_SUPPORTED;
        }
        long leftovers = countRefreshOrders();
        if (leftovers > 0) {
            out.printf("%s: %d orders of refresh set %d are there already (an earlier refresh stopped before RF2); deleting them first%n",
                    label, leftovers, set.number());
            delete();
        }
        long ordersBefore = TpchLoader.count(database.connection(), "orders");
        long lineItemsBefore = TpchLoader.count(database.connection(), "lineitem");
        out.printf("%s: refresh set %d: %s orders, %s line items%n", label, set.number(),
                Numbers.grouped(set.orders().size()), Numbers.grouped(set.lineItems().size()));

        long start = System.nanoTime();
        try (Progress.Ticker ticker = progress.track(() -> label + ": RF1 inserting")) {
            insert("orders", set.orders());
            insert("lineitem", set.lineItems());
        }
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        long inserted = set.orders().size() + set.lineItems().size();
        out.printf(Locale.ROOT, "%s: RF1 (insert) %s rows in %.3f s (%s rows/s)%n", label, Numbers.grouped(inserted),
                insertSeconds, Numbers.grouped(Math.round(inserted / Math.max(insertSeconds, 1e-9))));
        boolean countsRight = expectCounts("after RF1", ordersBefore + set.orders().size(),
                lineItemsBefore + set.lineItems().size());

        start = System.nanoTime();
        try (Progress.Ticker ticker = progress.track(() -> label + ": RF2 deleting")) {
            delete();
        }
        double deleteSeconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s: RF2 (delete) %s orders and their line items in %.3f s%n", label,
                Numbers.grouped(set.orders().size()), deleteSeconds);
        countsRight &= expectCounts("after RF2", ordersBefore, lineItemsBefore);

        if (answers.isEmpty()) {
            out.println(label + ": no reference answers for this scale factor: only the row counts were checked");
            return countsRight ? 0 : 1;
        }
        out.println(label + ": validating that the database is back to its original answers");
        boolean answersRight = AnswerValidation.validate(database, queries, answers.get(), progress, out);
        return countsRight && answersRight ? 0 : 1;
    }

    /** Empty when DELETE works; the database's message when it answers "not supported" (SQLSTATE 0A000). */
    private Optional<String> deleteRefusal() throws SQLException {
        try (Statement statement = database.connection().createStatement()) {
            // Deletes nothing (order keys are positive): only asks whether DELETE exists.
            statement.executeUpdate("DELETE FROM orders WHERE o_orderkey = -1");
            return Optional.empty();
        } catch (SQLException e) {
            if ("0A000".equals(e.getSQLState())) {
                return Optional.of(QueryBenchmark.oneLine(e));
            }
            throw e;
        }
    }

    private long countRefreshOrders() throws SQLException {
        long count = 0;
        List<Long> keys = set.orderKeys();
        try (Statement statement = database.connection().createStatement()) {
            for (int from = 0; from < keys.size(); from += ROWS_PER_STATEMENT) {
                String list = keyList(keys, from);
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM orders WHERE o_orderkey IN (" + list + ")")) {
                    result.next();
                    count += result.getLong(1);
                }
            }
        }
        return count;
    }

    private void insert(String table, List<List<String>> rows) throws SQLException {
        try (Statement statement = database.connection().createStatement()) {
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
                for (int i = from; i < Math.min(rows.size(), from + ROWS_PER_STATEMENT); i++) {
                    sql.append(i == from ? "(" : ", (").append(String.join(", ", rows.get(i))).append(')');
                }
                statement.executeUpdate(sql.toString());
            }
        }
    }

    private void delete() throws SQLException {
        List<Long> keys = set.orderKeys();
        try (Statement statement = database.connection().createStatement()) {
            for (String[] tableAndKey : new String[][] {{"lineitem", "l_orderkey"}, {"orders", "o_orderkey"}}) {
                for (int from = 0; from < keys.size(); from += ROWS_PER_STATEMENT) {
                    statement.executeUpdate("DELETE FROM " + tableAndKey[0] + " WHERE " + tableAndKey[1] + " IN ("
                            + keyList(keys, from) + ")");
                }
            }
        }
    }

    private boolean expectCounts(String when, long orders, long lineItems) throws SQLException {
        long actualOrders = TpchLoader.count(database.connection(), "orders");
        long actualLineItems = TpchLoader.count(database.connection(), "lineitem");
        if (actualOrders == orders && actualLineItems == lineItems) {
            return true;
        }
        out.printf("%s: WRONG row counts %s: orders %d (expected %d), lineitem %d (expected %d)%n", database.label(), when,
                actualOrders, orders, actualLineItems, lineItems);
        return false;
    }

    private static String keyList(List<Long> keys, int from) {
        StringBuilder list = new StringBuilder();
        for (int i = from; i < Math.min(keys.size(), from + ROWS_PER_STATEMENT); i++) {
            list.append(i == from ? "" : ", ").append(keys.get(i));
        }
        return list.toString();
    }
}
