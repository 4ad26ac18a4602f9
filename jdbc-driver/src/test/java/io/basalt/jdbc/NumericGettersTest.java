package io.basalt.jdbc;

import io.basalt.jdbc.testing.ResultSetFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import static io.basalt.jdbc.testing.Columns.column;
import static io.basalt.jdbc.testing.Columns.decimal;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

class NumericGettersTest {

    private final ResultSetFixture fixture = new ResultSetFixture();

    NumericGettersTest() throws SQLException {
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    @Test
    void integerReadsAsEveryNumberAndAsText() throws SQLException {
        ResultSet rs = fixture.onValue(column("n", Types.INTEGER), 42L);
        assertThat(rs.getInt(1)).isEqualTo(42);
        assertThat(rs.getLong(1)).isEqualTo(42L);
        assertThat(rs.getShort(1)).isEqualTo((short) 42);
        assertThat(rs.getByte(1)).isEqualTo((byte) 42);
        assertThat(rs.getDouble(1)).isEqualTo(42.0);
        assertThat(rs.getFloat(1)).isEqualTo(42.0f);
        assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("42");
        assertThat(rs.getString(1)).isEqualTo("42");
        assertThat(rs.getObject(1)).isEqualTo(42);
        assertThat(rs.wasNull()).isFalse();
    }

    @Test
    void integerIsABooleanOnlyWhenZeroOrOne() throws SQLException {
        assertThat(fixture.onValue(column("n", Types.INTEGER), 1L).getBoolean(1)).isTrue();
        assertThat(fixture.onValue(column("n", Types.INTEGER), 0L).getBoolean(1)).isFalse();
        ResultSet rs = fixture.onValue(column("n", Types.INTEGER), 42L);
        assertSqlState(() -> rs.getBoolean(1), "22018").hasMessageContaining("only 0 and 1 are booleans");
    }

    @Test
    void integerIsNotADate() throws SQLException {
        ResultSet rs = fixture.onValue(column("n", Types.INTEGER), 42L);
        assertSqlState(() -> rs.getDate(1), "22018")
                .hasMessage("cannot convert 42 (column 1 \"n\" INTEGER) to a date");
        assertSqlState(() -> rs.getTimestamp(1), "22018");
        assertSqlState(() -> rs.getTime(1), "22018");
    }

    @Test
    void narrowingAValueThatDoesNotFitFailsWithOutOfRange() throws SQLException {
        ResultSet rs = fixture.onValue(column("n", Types.BIGINT), 3_000_000_000L);
        assertThat(rs.getLong(1)).isEqualTo(3_000_000_000L);
        assertThat(rs.getObject(1)).isEqualTo(3_000_000_000L);
        assertSqlState(() -> rs.getInt(1), "22003")
                .hasMessage("3000000000 (column 1 \"n\" BIGINT) is out of range for int");
        ResultSet small = fixture.onValue(column("n", Types.SMALLINT), 300L);
        assertThat(small.getShort(1)).isEqualTo((short) 300);
        assertSqlState(() -> small.getByte(1), "22003");
    }

    @Test
    void tinyintAndSmallintReadAsIntegerObjects() throws SQLException {
        assertThat(fixture.onValue(column("n", Types.TINYINT), 7L).getObject(1)).isEqualTo(7);
        assertThat(fixture.onValue(column("n", Types.SMALLINT), -7L).getObject(1)).isEqualTo(-7);
    }

    @Test
    void decimalKeepsItsScaleAndTruncatesTowardZeroForIntegers() throws SQLException {
        ResultSet rs = fixture.onValue(decimal("price", 15, 2), new BigDecimal("-1234.56"));
        assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("-1234.56"));
        assertThat(rs.getString(1)).isEqualTo("-1234.56");
        assertThat(rs.getObject(1)).isEqualTo(new BigDecimal("-1234.56"));
        assertThat(rs.getDouble(1)).isEqualTo(-1234.56);
        assertThat(rs.getInt(1)).isEqualTo(-1234);
        assertThat(rs.getLong(1)).isEqualTo(-1234L);
    }

    @Test
    void decimalWithoutFractionReadsAsLongDirectly() throws SQLException {
        ResultSet rs = fixture.onValue(decimal("n", 18, 0), new BigDecimal("999999999999999999"));
        assertThat(rs.getLong(1)).isEqualTo(999_999_999_999_999_999L);
        assertSqlState(() -> rs.getInt(1), "22003");
    }

    @Test
    void decimalPrintsPlainlyEvenWhenSmall() throws SQLException {
        ResultSet rs = fixture.onValue(decimal("n", 10, 8), new BigDecimal("0.00000001"));
        assertThat(rs.getString(1)).isEqualTo("0.00000001");
    }

    @Test
    void wideDecimalIsExact() throws SQLException {
        BigDecimal value = new BigDecimal("-1234567890123456789012345678.0123456789");
        ResultSet rs = fixture.onValue(decimal("n", 38, 10), value);
        assertThat(rs.getBigDecimal(1)).isEqualTo(value);
        assertThat(rs.getString(1)).isEqualTo("-1234567890123456789012345678.0123456789");
        assertSqlState(() -> rs.getLong(1), "22003");
        ResultSet fits = fixture.onValue(decimal("n", 38, 2), new BigDecimal("12345.67"));
        assertThat(fits.getLong(1)).isEqualTo(12345L);
    }

    @Test
    void deprecatedGetBigDecimalWithScaleRoundsHalfUp() throws SQLException {
        ResultSet rs = fixture.onValue(decimal("n", 10, 3), new BigDecimal("2.345"));
        @SuppressWarnings("deprecation")
        BigDecimal rounded = rs.getBigDecimal(1, 2);
        assertThat(rounded).isEqualTo(new BigDecimal("2.35"));
    }

    @Test
    void realReadsAsTheFloatItHolds() throws SQLException {
        ResultSet rs = fixture.onValue(column("r", Types.REAL), (double) 0.1f);
        assertThat(rs.getFloat(1)).isEqualTo(0.1f);
        assertThat(rs.getObject(1)).isEqualTo(0.1f);
        assertThat(rs.getString(1)).isEqualTo("0.1");
        assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(rs.getDouble(1)).isEqualTo((double) 0.1f);
    }

    @Test
    void doubleTruncatesToIntegersAndPrintsAsJavaDoes() throws SQLException {
        ResultSet rs = fixture.onValue(column("d", Types.DOUBLE), 1.75);
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getString(1)).isEqualTo("1.75");
        assertThat(rs.getObject(1)).isEqualTo(1.75);
        assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("1.75"));
        assertThat(fixture.onValue(column("d", Types.DOUBLE), -2.9).getLong(1)).isEqualTo(-2L);
    }

    @Test
    void doubleOutsideTheTargetRangeFails() throws SQLException {
        ResultSet huge = fixture.onValue(column("d", Types.DOUBLE), 1e300);
        assertSqlState(() -> huge.getFloat(1), "22003");
        assertSqlState(() -> huge.getLong(1), "22003");
        assertThat(fixture.onValue(column("d", Types.DOUBLE), Double.POSITIVE_INFINITY).getFloat(1))
                .isEqualTo(Float.POSITIVE_INFINITY);
    }

    @Test
    void notANumberHasNoIntegerOrDecimalValue() throws SQLException {
        ResultSet rs = fixture.onValue(column("d", Types.DOUBLE), Double.NaN);
        assertThat(rs.getDouble(1)).isNaN();
        assertThat(rs.getString(1)).isEqualTo("NaN");
        assertSqlState(() -> rs.getLong(1), "22018");
        assertSqlState(() -> rs.getBigDecimal(1), "22018");
        assertSqlState(() -> rs.getBoolean(1), "22018").hasMessageContaining("to boolean");
    }
}
