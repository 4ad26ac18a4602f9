package io.basalt.server.load;

import io.basalt.server.Database;
import io.basalt.server.ResultRows;
import io.basalt.server.Session;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyToFileTest {

    @TempDir
    Path directory;
    private Database database;
    private Session session;

    @BeforeEach
    void open() {
        database = Database.open(directory.resolve("data"));
        session = database.newSession();
        session.execute("CREATE TABLE items (id INT NOT NULL, name VARCHAR(40), price NUMERIC(8,2), added DATE, "
                + "seen TIMESTAMP, ok BOOLEAN, ratio DOUBLE, big DECIMAL(30,4))");
        session.execute("INSERT INTO items VALUES "
                + "(1, 'apple', 0.5, DATE '2024-01-02', TIMESTAMP '2024-01-02 10:11:12.5', true, 1.5, 12345678901234567890.1234), "
                + "(2, '', -1.25, NULL, NULL, false, NULL, NULL), "
                + "(3, NULL, NULL, DATE '2024-02-29', NULL, NULL, -0.25, -1), "
                + "(4, 'a,b \"quoted\"\nline', 3, NULL, NULL, NULL, NULL, NULL), "
                + "(5, ' padded', 4, NULL, NULL, NULL, NULL, NULL)");
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void writesEveryTypeAsCastToTextSpellsIt() throws IOException {
        Path file = directory.resolve("items.csv");

        StatementResult result = session.execute("COPY items TO '" + file + "' (FORMAT csv, HEADER)");

        assertThat(result).isEqualTo(new StatementResult.RowCount("COPY", 5));
        assertThat(Files.readString(file)).isEqualTo("""
                id,name,price,added,seen,ok,ratio,big
                1,apple,0.50,2024-01-02,2024-01-02 10:11:12.5,true,1.5,12345678901234567890.1234
                2,"",-1.25,,,false,,
                3,,,2024-02-29,,,-0.25,-1.0000
                4,"a,b ""quoted""
                line",3.00,,,,,
                5," padded",4.00,,,,,
                """);
    }

    @Test
    void whatCopyToWritesCopyFromReadsBack() {
        Path file = directory.resolve("round-trip.csv");
        session.execute("COPY items TO '" + file + "'");
        session.execute("CREATE TABLE copy_of_items AS SELECT * FROM items WHERE 1 = 0");

        session.execute("COPY copy_of_items FROM '" + file + "'");

        String compare = "SELECT count(*) FROM (SELECT * FROM items EXCEPT SELECT * FROM copy_of_items) AS d";
        assertThat(ResultRows.text(session.execute(compare))).containsExactly(List.of("0"));
        assertThat(ResultRows.text(session.execute("SELECT count(*) FROM copy_of_items WHERE name = ''"))).containsExactly(List.of("1"));
        assertThat(ResultRows.text(session.execute("SELECT count(*) FROM copy_of_items WHERE name IS NULL"))).containsExactly(List.of("1"));
    }

    @Test
    void copiesAQueryAndAColumnListWithOptions() throws IOException {
        Path query = directory.resolve("query.csv");
        Path columns = directory.resolve("columns.csv");

        session.execute("COPY (SELECT id, price * 2 AS doubled FROM items WHERE id < 3 ORDER BY id DESC) TO '" + query
                + "' (DELIMITER ';', HEADER true, NULL 'NULL')");
        session.execute("COPY items (name, id) TO '" + columns + "' (DELIMITER '|', FORCE_QUOTE *)");

        assertThat(Files.readString(query)).isEqualTo("id;doubled\n2;-2.50\n1;1.00\n");
        assertThat(Files.readAllLines(columns)).startsWith("\"apple\"|\"1\"", "\"\"|\"2\"", "|\"3\"");
    }

    @Test
    void tblFilesGetDbgenLayout() throws IOException {
        Path file = directory.resolve("items.tbl");

        session.execute("COPY (SELECT id, name FROM items WHERE id = 1) TO '" + file + "'");

        assertThat(Files.readString(file)).isEqualTo("1|apple|\n");
    }

    @Test
    void errorsNameWhatIsWrongAndLeaveAnExistingFileAlone() throws IOException {
        Path file = directory.resolve("kept.csv");
        Files.writeString(file, "old contents\n");

        assertError("COPY nothing TO '" + file + "'", "42P01", "relation \"nothing\" does not exist");
        assertError("COPY items (id, colour) TO '" + file + "'", "42703", "column \"colour\" of relation \"items\" does not exist");
        assertError("COPY items TO '" + file + "' (COLOUR 'red')", "42601", "option \"colour\" not recognized");
        assertError("COPY items TO '" + file + "' (FORMAT parquet)", "0A000", "COPY format parquet");
        assertError("COPY items TO '" + file + "' (DELIMITER ',', QUOTE ',')", "22023", "must not overlap");
        assertError("COPY items TO '" + directory.resolve("missing/out.csv") + "'", "58P01", "no such directory");
        assertError("COPY (SELECT CAST(name AS INT) FROM items) TO '" + file + "'", "22P02", "");

        assertThat(Files.readString(file)).isEqualTo("old contents\n");
        try (var listing = Files.list(directory)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(ResultRows.text(session.execute("SELECT count(*) FROM items"))).containsExactly(List.of("5"));
    }

    private void assertError(String sql, String sqlState, String message) {
        assertThatThrownBy(() -> session.execute(sql))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((StatementException) e).sqlState()).isEqualTo(sqlState);
    }
}
