package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.testing.ResultSetFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.basalt.jdbc.testing.Columns.column;
import static io.basalt.jdbc.testing.Columns.decimal;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GetObjectTest {

    private final ResultSetFixture fixture = new ResultSetFixture();

    GetObjectTest() throws SQLException {
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    private static final ColumnDescriptor[] ALL_TYPES = {
        column("bool", Types.BOOLEAN), column("tiny", Types.TINYINT), column("small", Types.SMALLINT),
        column("int", Types.INTEGER), column("big", Types.BIGINT), decimal("dec", 12, 3), decimal("wide", 30, 3),
        column("real", Types.REAL), column("float", Types.FLOAT), column("double", Types.DOUBLE),
        column("char", Types.CHAR), column("text", Types.VARCHAR), column("date", Types.DATE),
        column("time", Types.TIME), column("ts", Types.TIMESTAMP),
    };

    private ResultSet allTypesRow() throws SQLException {
        return fixture.onRow(ALL_TYPES, true, 1L, 2L, 3L, 4L, new BigDecimal("5.500"), new BigDecimal("6.600"),
                7.5, 8.5, 9.5, "x", "text", LocalDate.of(2024, 1, 2), LocalTime.of(3, 4, 5),
                LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    }

    @Test
    void getObjectReturnsTheClassTheMetadataNames() throws SQLException, ClassNotFoundException {
        ResultSet rs = allTypesRow();
        ResultSetMetaData metaData = rs.getMetaData();
        for (int i = 1; i <= ALL_TYPES.length; i++) {
            Object value = rs.getObject(i);
            assertThat(value).as(metaData.getColumnLabel(i)).isNotNull();
            assertThat(Class.forName(metaData.getColumnClassName(i))).as(metaData.getColumnLabel(i))
                    .isEqualTo(value.getClass());
        }
    }

    @Test
    void getObjectDefaultsFollowJdbcTableB3() throws SQLException {
        ResultSet rs = allTypesRow();
        assertThat(rs.getObject("bool")).isEqualTo(true);
        assertThat(rs.getObject("tiny")).isEqualTo(1);
        assertThat(rs.getObject("small")).isEqualTo(2);
        assertThat(rs.getObject("int")).isEqualTo(3);
        assertThat(rs.getObject("big")).isEqualTo(4L);
        assertThat(rs.getObject("dec")).isEqualTo(new BigDecimal("5.500"));
        assertThat(rs.getObject("wide")).isEqualTo(new BigDecimal("6.600"));
        assertThat(rs.getObject("real")).isEqualTo(7.5f);
        assertThat(rs.getObject("float")).isEqualTo(8.5);
        assertThat(rs.getObject("double")).isEqualTo(9.5);
        assertThat(rs.getObject("char")).isEqualTo("x");
        assertThat(rs.getObject("text")).isEqualTo("text");
        assertThat(rs.getObject("date")).isEqualTo(Date.valueOf("2024-01-02"));
        assertThat(rs.getObject("time")).isEqualTo(Time.valueOf("03:04:05"));
        assertThat(rs.getObject("ts")).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05"));
    }

    @Test
    void getObjectWithAClassConverts() throws SQLException {
        ResultSet rs = allTypesRow();
        assertThat(rs.getObject("int", String.class)).isEqualTo("3");
        assertThat(rs.getObject("int", Long.class)).isEqualTo(3L);
        assertThat(rs.getObject("int", Short.class)).isEqualTo((short) 3);
        assertThat(rs.getObject("int", Byte.class)).isEqualTo((byte) 3);
        assertThat(rs.getObject("int", Double.class)).isEqualTo(3.0);
        assertThat(rs.getObject("int", Float.class)).isEqualTo(3.0f);
        assertThat(rs.getObject("int", BigDecimal.class)).isEqualTo(BigDecimal.valueOf(3));
        assertThat(rs.getObject("int", BigInteger.class)).isEqualTo(BigInteger.valueOf(3));
        assertThat(rs.getObject("big", Integer.class)).isEqualTo(4);
        assertThat(rs.getObject("dec", BigInteger.class)).isEqualTo(BigInteger.valueOf(5));
        assertThat(rs.getObject("text", String.class)).isEqualTo("text");
        assertThat(rs.getObject("bool", Boolean.class)).isTrue();
        assertThat(rs.getObject("date", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(rs.getObject("date", Date.class)).isEqualTo(Date.valueOf("2024-01-02"));
        assertThat(rs.getObject("time", LocalTime.class)).isEqualTo(LocalTime.of(3, 4, 5));
        assertThat(rs.getObject("time", Time.class)).isEqualTo(Time.valueOf("03:04:05"));
        assertThat(rs.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(rs.getObject("ts", Timestamp.class)).isEqualTo(Timestamp.valueOf("2024-01-02 03:04:05"));
        assertThat(rs.getObject("dec", Object.class)).isEqualTo(new BigDecimal("5.500"));
        assertThat(rs.getObject("big", Number.class)).isEqualTo(4L);
    }

    @Test
    void getObjectWithAnImpossibleClassFails() throws SQLException {
        ResultSet rs = allTypesRow();
        assertSqlState(() -> rs.getObject("int", UUID.class), "22018").hasMessageContaining("java.util.UUID");
        assertSqlState(() -> rs.getObject("text", LocalDate.class), "22018");
        assertSqlState(() -> rs.getObject("int", (Class<?>) null), "HY024");
    }

    @Test
    void anEmptyTypeMapIsFineAndAFullOneIsNotSupported() throws SQLException {
        ResultSet rs = allTypesRow();
        assertThat(rs.getObject(4, Collections.emptyMap())).isEqualTo(3);
        Map<String, Class<?>> map = new HashMap<>();
        map.put("point", Object.class);
        assertThatThrownBy(() -> rs.getObject(4, map)).isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void typesBasaltDoesNotHaveAreNotSupported() throws SQLException {
        ResultSet rs = allTypesRow();
        assertThatThrownBy(() -> rs.getBlob(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getClob(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getNClob(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getArray(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getRef(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getRowId(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getSQLXML(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.getURL(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertSqlState(() -> rs.getCharacterStream("int"), "22018").hasMessageContaining("only text columns stream");
    }
}
