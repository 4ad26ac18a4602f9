package io.basalt.tpch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the eight TPC-H tables with their keys and bulk-loads {@code .tbl} files into them with
 * {@code COPY}, through JDBC, as any client would.
 */
public final class TpchLoader {

    private TpchLoader() {
    }

    public static void createAndLoad(Connection connection, Path dataDirectory) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String create : TpchSchema.createStatements()) {
                statement.execute(create);
            }
            for (String table : TpchSchema.TABLES) {
                Path file = TpchDataGenerator.fileOf(dataDirectory, table).toAbsolutePath();
                statement.execute("COPY " + table + " FROM '" + file.toString().replace("'", "''") + "' (DELIMITER '|')");
            }
        }
    }
}
