package io.basalt.server.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Times the DatabaseMetaData calls BI tools make when they open a database, on an embedded catalog of many tables
 * of 10 columns each: getColumns and getPrimaryKeys of one table, getTables of all, getImportedKeys of one. Each
 * round is printed; the first includes warming up. Not a test; run by hand (see jdbc-driver/README.md):
 *
 * <pre>java -cp … io.basalt.server.bench.CatalogMetadataBenchmark [tables [rounds]]</pre>
 */
public final class CatalogMetadataBenchmark {

    private CatalogMetadataBenchmark() {
    }

    public static void main(String[] arguments) throws SQLException {
        int tables = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000;
        int rounds = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 3;
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < tables; i++) {
                statement.execute("CREATE TABLE t" + i + " (id INT PRIMARY KEY, a INT, b VARCHAR(10), c DOUBLE, d DATE, "
                        + "e BIGINT, f INT, g INT, parent INT REFERENCES t" + (i == 0 ? 0 : i - 1) + " (id), k INT)");
            }
            DatabaseMetaData metaData = connection.getMetaData();
            String table = "t" + tables / 2;
            for (int round = 1; round <= rounds; round++) {
                long columns = millis(() -> metaData.getColumns(null, "main", table, null));
                long all = millis(() -> metaData.getTables(null, null, "%", null));
                long keys = millis(() -> metaData.getPrimaryKeys(null, "main", table));
                long imported = millis(() -> metaData.getImportedKeys(null, "main", table));
                System.out.printf("round %d, %d tables: getColumns(%s) %d ms, getTables(%%) %d ms, getPrimaryKeys %d ms, "
                        + "getImportedKeys %d ms%n", round, tables, table, columns, all, keys, imported);
            }
        }
    }

    /** Makes the call and reads its result to the end. */
    private static long millis(MetadataCall call) throws SQLException {
        long start = System.nanoTime();
        try (ResultSet result = call.run()) {
            while (result.next()) {
                result.getString(1);
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private interface MetadataCall {
        ResultSet run() throws SQLException;
    }
}
