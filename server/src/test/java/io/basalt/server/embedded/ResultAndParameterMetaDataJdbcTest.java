package io.basalt.server.embedded;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ResultSetMetaData and ParameterMetaData for a table with every Basalt type, against a real database: the JDBC type,
 * type name, precision, scale and nullability of each column, and the same for a parameter compared with it.
 */
public class ResultAndParameterMetaDataJdbcTest {

    private static final String TABLE = "CREATE TABLE every_type (b BOOLEAN NOT NULL, ti TINYINT, si SMALLINT, i INTEGER, "
            + "bi BIGINT, d DECIMAL(15,2), wide DECIMAL(30,5), r REAL, dp DOUBLE, v VARCHAR(20), t VARCHAR, c CHAR(3), "
            + "dt DATE, tm TIME, ts TIMESTAMP)";

    /**
     * Per column: name, JDBC type, type name, precision, scale, nullability, Java class. Type names carry their
     * modifiers as DuckDB's driver gives them; TINYINT and SMALLINT read as Integer (JDBC's table B-3); the scale of
     * TIME and TIMESTAMP is their 6 fractional digits (microseconds), as PostgreSQL's driver reports it.
     */
    private static final List<String> EXPECTED = List.of(
            "b " + Types.BOOLEAN + " BOOLEAN 1 0 " + ResultSetMetaData.columnNoNulls + " java.lang.Boolean",
            "ti " + Types.TINYINT + " TINYINT 3 0 " + ResultSetMetaData.columnNullable + " java.lang.Integer",
            "si " + Types.SMALLINT + " SMALLINT 5 0 " + ResultSetMetaData.columnNullable + " java.lang.Integer",
            "i " + Types.INTEGER + " INTEGER 10 0 " + ResultSetMetaData.columnNullable + " java.lang.Integer",
            "bi " + Types.BIGINT + " BIGINT 19 0 " + ResultSetMetaData.columnNullable + " java.lang.Long",
            "d " + Types.DECIMAL + " DECIMAL(15,2) 15 2 " + ResultSetMetaData.columnNullable + " java.math.BigDecimal",
            "wide " + Types.DECIMAL + " DECIMAL(30,5) 30 5 " + ResultSetMetaData.columnNullable + " java.math.BigDecimal",
            "r " + Types.REAL + " REAL 8 0 " + ResultSetMetaData.columnNullable + " java.lang.Float",
            "dp " + Types.DOUBLE + " DOUBLE 17 0 " + ResultSetMetaData.columnNullable + " java.lang.Double",
            "v " + Types.VARCHAR + " VARCHAR(20) 20 0 " + ResultSetMetaData.columnNullable + " java.lang.String",
            "t " + Types.VARCHAR + " TEXT " + Integer.MAX_VALUE + " 0 " + ResultSetMetaData.columnNullable
                    + " java.lang.String",
            "c " + Types.CHAR + " CHAR(3) 3 0 " + ResultSetMetaData.columnNullable + " java.lang.String",
            "dt " + Types.DATE + " DATE 10 0 " + ResultSetMetaData.columnNullable + " java.sql.Date",
            "tm " + Types.TIME + " TIME 15 6 " + ResultSetMetaData.columnNullable + " java.sql.Time",
            "ts " + Types.TIMESTAMP + " TIMESTAMP 26 6 " + ResultSetMetaData.columnNullable + " java.sql.Timestamp");

    @Test
    void everyTypeIsDescribedEmbedded() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:")) {
            assertEveryTypeDescribed(connection);
        }
    }

    /** Also run over a socket by the network tests. */
    public static void assertEveryTypeDescribed(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
            try (ResultSet result = statement.executeQuery("SELECT * FROM every_type")) {
                ResultSetMetaData metaData = result.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= metaData.getColumnCount(); i++) {
                    columns.add(metaData.getColumnName(i) + " " + metaData.getColumnType(i) + " "
                            + metaData.getColumnTypeName(i) + " " + metaData.getPrecision(i) + " " + metaData.getScale(i)
                            + " " + metaData.isNullable(i) + " " + metaData.getColumnClassName(i));
                }
                assertThat(columns).containsExactlyElementsOf(EXPECTED);
                assertThat(metaData.isSigned(2)).isTrue();
                assertThat(metaData.isSigned(10)).isFalse();
                assertThat(metaData.isCaseSensitive(10)).isTrue();
                assertThat(metaData.isCaseSensitive(4)).isFalse();
            }
        }
        StringBuilder where = new StringBuilder("SELECT b FROM every_type WHERE ");
        String[] names = {"b", "ti", "si", "i", "bi", "d", "wide", "r", "dp", "v", "t", "c", "dt", "tm", "ts"};
        for (int i = 0; i < names.length; i++) {
            where.append(i == 0 ? "" : " AND ").append(names[i]).append(" = ?");
        }
        try (PreparedStatement prepared = connection.prepareStatement(where.toString())) {
            ParameterMetaData parameters = prepared.getParameterMetaData();
            assertThat(parameters.getParameterCount()).isEqualTo(names.length);
            List<String> described = new ArrayList<>();
            for (int i = 1; i <= names.length; i++) {
                described.add(names[i - 1] + " " + parameters.getParameterType(i) + " " + parameters.getParameterTypeName(i)
                        + " " + parameters.getPrecision(i) + " " + parameters.getScale(i) + " "
                        + parameters.getParameterClassName(i));
                assertThat(parameters.getParameterMode(i)).isEqualTo(ParameterMetaData.parameterModeIn);
            }
            // the same types, named without their modifiers (ParameterMetaData has getPrecision and getScale for those)
            List<String> expected = new ArrayList<>();
            for (String column : EXPECTED) {
                String[] parts = column.split(" ");
                String baseName = parts[2].replaceAll("\\(.*\\)", "").replace("TEXT", "VARCHAR");
                expected.add(parts[0] + " " + parts[1] + " " + baseName + " " + parts[3] + " " + parts[4] + " " + parts[6]);
            }
            assertThat(described).containsExactlyElementsOf(expected);
        }
    }
}
