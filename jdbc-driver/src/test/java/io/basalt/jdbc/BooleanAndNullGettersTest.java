package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.testing.ResultSetFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;

import static io.basalt.jdbc.testing.Columns.column;
import static io.basalt.jdbc.testing.Columns.decimal;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

class BooleanAndNullGettersTest {

    private final ResultSetFixture fixture = new ResultSetFixture();

    BooleanAndNullGettersTest() throws SQLException {
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    @Test
    void booleanReadsAsBooleanNumberAndText() throws SQLException {
        ResultSet rs = fixture.onValue(column("b", Types.BOOLEAN), true);
        assertThat(rs.getBoolean(1)).isTrue();
        assertThat(rs.getObject(1)).isEqualTo(Boolean.TRUE);
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getBigDecimal(1)).isEqualTo(BigDecimal.ONE);
        assertThat(rs.getDouble(1)).isEqualTo(1.0);
        assertThat(rs.getString(1)).isEqualTo("true");
        assertThat(fixture.onValue(column("b", Types.BOOLEAN), false).getString(1)).isEqualTo("false");
        assertSqlState(() -> rs.getDate(1), "22018");
    }

    @Test
    void nullGivesZeroFalseOrNullAndSetsWasNull() throws SQLException {
        ColumnDescriptor[] columns = {
            column("i", Types.INTEGER), column("b", Types.BOOLEAN), column("d", Types.DOUBLE), decimal("m", 10, 2),
            column("s", Types.VARCHAR), column("dt", Types.DATE), column("t", Types.TIME), column("ts", Types.TIMESTAMP),
            column("present", Types.INTEGER),
        };
        ResultSet rs = fixture.onRow(columns, null, null, null, null, null, null, null, null, 5L);
        for (int i = 1; i <= 8; i++) {
            assertThat(rs.getInt(9)).isEqualTo(5);
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getObject(i)).as("column %d", i).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getString(i)).isNull();
            assertThat(rs.getLong(i)).isZero();
            assertThat(rs.getInt(i)).isZero();
            assertThat(rs.getShort(i)).isZero();
            assertThat(rs.getByte(i)).isZero();
            assertThat(rs.getDouble(i)).isZero();
            assertThat(rs.getFloat(i)).isZero();
            assertThat(rs.getBoolean(i)).isFalse();
            assertThat(rs.getBigDecimal(i)).isNull();
            assertThat(rs.getDate(i)).isNull();
            assertThat(rs.getTime(i)).isNull();
            assertThat(rs.getTimestamp(i)).isNull();
            assertThat(rs.getObject(i, LocalDate.class)).isNull();
            assertThat(rs.getObject(i, Integer.class)).isNull();
            assertThat(rs.getCharacterStream(i)).isNull();
            assertThat(rs.getBytes(i)).isNull();
            assertThat(rs.wasNull()).isTrue();
        }
    }

    @Test
    void aNullTypedColumnIsAlwaysNull() throws SQLException {
        ResultSet rs = fixture.onValue(column("nothing", Types.NULL), null);
        assertThat(rs.getObject(1)).isNull();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getInt(1)).isZero();
        assertThat(rs.getString(1)).isNull();
        assertThat(rs.getMetaData().getColumnType(1)).isEqualTo(Types.NULL);
        assertThat(rs.getMetaData().getColumnClassName(1)).isEqualTo("java.lang.Object");
    }

    @Test
    void wasNullFollowsTheLastColumnRead() throws SQLException {
        ResultSet rs = fixture.onRow(new ColumnDescriptor[] {column("a", Types.INTEGER), column("b", Types.INTEGER)},
                null, 7L);
        rs.getInt(1);
        assertThat(rs.wasNull()).isTrue();
        rs.getInt(2);
        assertThat(rs.wasNull()).isFalse();
        rs.getObject("A");
        assertThat(rs.wasNull()).isTrue();
    }
}
