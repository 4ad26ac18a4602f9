package io.basalt.jdbc;

import io.basalt.jdbc.testing.ResultSetFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static io.basalt.jdbc.testing.Columns.column;
import static io.basalt.jdbc.testing.Columns.varchar;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

class TextGettersTest {

    private final ResultSetFixture fixture = new ResultSetFixture();

    TextGettersTest() throws SQLException {
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    @Test
    void textReadsAsStringInEveryForm() throws SQLException, IOException {
        ResultSet rs = fixture.onValue(varchar("name"), "héllo ✓ 𝄞");
        assertThat(rs.getString(1)).isEqualTo("héllo ✓ 𝄞");
        assertThat(rs.getNString(1)).isEqualTo("héllo ✓ 𝄞");
        assertThat(rs.getObject(1)).isEqualTo("héllo ✓ 𝄞");
        try (Reader reader = rs.getCharacterStream(1)) {
            char[] buffer = new char[32];
            int read = reader.read(buffer);
            assertThat(new String(buffer, 0, read)).isEqualTo("héllo ✓ 𝄞");
        }
    }

    @Test
    void asciiStreamOfText() throws SQLException, IOException {
        ResultSet rs = fixture.onValue(varchar("name"), "plain");
        try (InputStream in = rs.getAsciiStream(1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("plain");
        }
    }

    @Test
    void emptyTextIsNotNull() throws SQLException {
        ResultSet rs = fixture.onValue(varchar("name"), "");
        assertThat(rs.getString(1)).isEmpty();
        assertThat(rs.wasNull()).isFalse();
    }

    @Test
    void charColumnsReadLikeVarchar() throws SQLException {
        ResultSet rs = fixture.onValue(column("code", Types.CHAR), "AB ");
        assertThat(rs.getString(1)).isEqualTo("AB ");
        assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.CHAR);
    }

    @Test
    void numericTextParses() throws SQLException {
        assertThat(fixture.onValue(varchar("t"), " 42 ").getInt(1)).isEqualTo(42);
        assertThat(fixture.onValue(varchar("t"), "4.7").getInt(1)).isEqualTo(4);
        assertThat(fixture.onValue(varchar("t"), "1e3").getLong(1)).isEqualTo(1000L);
        assertThat(fixture.onValue(varchar("t"), "2.5").getDouble(1)).isEqualTo(2.5);
        assertThat(fixture.onValue(varchar("t"), "2.50").getBigDecimal(1)).isEqualTo(new BigDecimal("2.50"));
        assertThat(fixture.onValue(varchar("t"), "99999999999").getLong(1)).isEqualTo(99_999_999_999L);
    }

    @Test
    void textThatIsNotANumberFailsWithTheValueInTheMessage() throws SQLException {
        ResultSet rs = fixture.onValue(varchar("city"), "Paris");
        assertSqlState(() -> rs.getInt(1), "22018")
                .hasMessage("cannot convert 'Paris' (column 1 \"city\" VARCHAR) to long");
        assertSqlState(() -> rs.getDouble(1), "22018");
        assertSqlState(() -> rs.getBigDecimal(1), "22018");
        assertSqlState(() -> fixture.onValue(varchar("t"), "99999999999").getInt(1), "22003");
    }

    @Test
    void booleanWordsParse() throws SQLException {
        for (String yes : new String[] {"true", "TRUE", " t ", "yes", "on", "1"}) {
            assertThat(fixture.onValue(varchar("b"), yes).getBoolean(1)).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "f", "No", "off", "0"}) {
            assertThat(fixture.onValue(varchar("b"), no).getBoolean(1)).as(no).isFalse();
        }
        ResultSet rs = fixture.onValue(varchar("b"), "maybe");
        assertSqlState(() -> rs.getBoolean(1), "22018");
    }

    @Test
    void dateTimeLiteralsParse() throws SQLException {
        ResultSet date = fixture.onValue(varchar("t"), "2024-02-29");
        assertThat(date.getDate(1)).isEqualTo(Date.valueOf("2024-02-29"));
        assertThat(date.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(date.getTimestamp(1)).isEqualTo(Timestamp.valueOf("2024-02-29 00:00:00"));

        ResultSet timestamp = fixture.onValue(varchar("t"), "2024-02-29 13:45:10.5");
        assertThat(timestamp.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 10, 500_000_000));
        assertThat(timestamp.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(timestamp.getObject(1, LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 10, 500_000_000));
        assertThat(fixture.onValue(varchar("t"), "2024-02-29T01:02:03").getObject(1, LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 1, 2, 3));

        ResultSet time = fixture.onValue(varchar("t"), "12:30");
        assertThat(time.getTime(1)).isEqualTo(Time.valueOf("12:30:00"));
    }

    @Test
    void textThatIsNotADateFails() throws SQLException {
        ResultSet rs = fixture.onValue(varchar("t"), "31/12/2024");
        assertSqlState(() -> rs.getDate(1), "22018").hasMessageContaining("expected yyyy-mm-dd");
        assertSqlState(() -> rs.getTimestamp(1), "22018");
        assertSqlState(() -> rs.getTime(1), "22018");
    }

    @Test
    void textHasNoBinaryForm() throws SQLException {
        ResultSet rs = fixture.onValue(varchar("t"), "x");
        assertSqlState(() -> rs.getBytes(1), "22018").hasMessageContaining("Basalt has no binary types");
        assertSqlState(() -> rs.getBinaryStream(1), "22018");
    }
}
