package io.basalt.server.embedded;

import io.basalt.optimizer.catalog.BuiltInFunctions;
import io.basalt.optimizer.catalog.BuiltInFunctions.BuiltInFunction;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of built-in functions is true: every example runs and returns the listed type; JDBC lists them all. */
public class BuiltInFunctionsJdbcTest {

    private static final Set<String> TEXT = Set.of("TEXT", "VARCHAR", "CHAR");

    @Test
    void everyListedFunctionRunsAndReturnsItsListedType() throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            for (BuiltInFunction function : BuiltInFunctions.all()) {
                try (ResultSet result = statement.executeQuery("SELECT " + function.example())) {
                    assertThat(result.next()).as(function.example()).isTrue();
                    String type = result.getMetaData().getColumnTypeName(1).replaceAll("\\(.*", "");
                    String listed = function.resultType();
                    boolean matches = listed.equals("ANY") || listed.equals(type)
                            || (listed.equals("TEXT") && TEXT.contains(type));
                    if (!matches) {
                        failures.add(function.specificName() + " is listed as " + listed + " but returns " + type);
                    }
                } catch (SQLException e) {
                    failures.add(function.specificName() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(BuiltInFunctions.all()).hasSizeGreaterThan(100);
        Set<String> specificNames = new HashSet<>();
        BuiltInFunctions.all().forEach(function -> assertThat(specificNames.add(function.specificName()))
                .as("overloads are told apart: " + function.specificName()).isTrue());
    }

    @Test
    void jdbcListsTheFunctionsAndTheirArguments() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:")) {
            assertFunctionsListed(connection);
        }
    }

    /** Also run over a socket by the network tests. */
    public static void assertFunctionsListed(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> all = new ArrayList<>();
        try (ResultSet functions = metaData.getFunctions(null, null, "%")) {
            while (functions.next()) {
                assertThat(functions.getString("FUNCTION_SCHEM")).isNull();
                assertThat(functions.getShort("FUNCTION_TYPE")).isEqualTo((short) DatabaseMetaData.functionNoTable);
                all.add(functions.getString("SPECIFIC_NAME"));
            }
        }
        assertThat(all).hasSize(BuiltInFunctions.all().size()).contains("lpad(TEXT, INTEGER, TEXT)", "round(NUMERIC, INTEGER)",
                "concat(ANY, …)", "row_number()");

        List<String> round = new ArrayList<>();
        try (ResultSet functions = metaData.getFunctions(null, null, "round")) {
            while (functions.next()) {
                round.add(functions.getString("SPECIFIC_NAME") + " " + functions.getString("REMARKS"));
            }
        }
        assertThat(round).hasSize(2).allMatch(text -> text.contains("scalar function:"));
        try (ResultSet none = metaData.getFunctions(null, "main", "%")) {
            assertThat(none.next()).as("built-in functions belong to no schema").isFalse();
        }

        List<String> columns = new ArrayList<>();
        try (ResultSet lpad = metaData.getFunctionColumns(null, null, "lpad", "%")) {
            while (lpad.next()) {
                columns.add(lpad.getInt("ORDINAL_POSITION") + " " + lpad.getString("COLUMN_NAME") + " "
                        + lpad.getShort("COLUMN_TYPE") + " " + lpad.getInt("DATA_TYPE") + " " + lpad.getString("TYPE_NAME"));
            }
        }
        assertThat(columns).containsExactly(
                "0  " + DatabaseMetaData.functionReturn + " " + Types.VARCHAR + " TEXT",
                "1 string " + DatabaseMetaData.functionColumnIn + " " + Types.VARCHAR + " TEXT",
                "2 length " + DatabaseMetaData.functionColumnIn + " " + Types.INTEGER + " INTEGER",
                "3 fill " + DatabaseMetaData.functionColumnIn + " " + Types.VARCHAR + " TEXT");

        try (Statement statement = connection.createStatement();
             ResultSet described = statement.executeQuery("SELECT arguments, result_type, function_kind "
                     + "FROM information_schema.basalt_functions WHERE specific_name = 'split_part(TEXT, TEXT, INTEGER)'")) {
            assertThat(described.next()).isTrue();
            assertThat(described.getString(1)).isEqualTo("string TEXT, delimiter TEXT, field INTEGER");
            assertThat(described.getString(2)).isEqualTo("TEXT");
            assertThat(described.getString(3)).isEqualTo("scalar");
        }
    }
}
