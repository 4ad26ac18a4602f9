package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.testing.ResultSetFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

class ResultSetMetaDataTest {

    private final ResultSetFixture fixture = new ResultSetFixture();

    ResultSetMetaDataTest() throws SQLException {
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    private ResultSetMetaData metaData() throws SQLException {
        ColumnDescriptor[] columns = {
            ColumnDescriptor.builder("l_orderkey", Types.BIGINT).nullable(ResultSetMetaData.columnNoNulls)
                    .table("main", "lineitem").build(),
            ColumnDescriptor.builder("l_extendedprice", Types.DECIMAL).precision(15).scale(2).label("price")
                    .nullable(ResultSetMetaData.columnNullable).table("main", "lineitem").build(),
            ColumnDescriptor.builder("n_name", Types.CHAR).precision(25).build(),
            ColumnDescriptor.builder("comment", Types.VARCHAR).typeName("TEXT").build(),
            ColumnDescriptor.builder("o_orderdate", Types.DATE).build(),
            ColumnDescriptor.builder("ts", Types.TIMESTAMP).build(),
            ColumnDescriptor.builder("ratio", Types.DOUBLE).build(),
        };
        return fixture.onRow(columns, 1L, new BigDecimal("2.50"), "GERMANY", "text", LocalDate.of(2024, 1, 1),
                LocalDateTime.of(2024, 1, 1, 0, 0), 0.5).getMetaData();
    }

    @Test
    void describesEachColumn() throws SQLException {
        ResultSetMetaData metaData = metaData();
        assertThat(metaData.getColumnCount()).isEqualTo(7);

        assertThat(metaData.getColumnName(1)).isEqualTo("l_orderkey");
        assertThat(metaData.getColumnLabel(1)).isEqualTo("l_orderkey");
        assertThat(metaData.getColumnType(1)).isEqualTo(Types.BIGINT);
        assertThat(metaData.getColumnTypeName(1)).isEqualTo("BIGINT");
        assertThat(metaData.getPrecision(1)).isEqualTo(19);
        assertThat(metaData.getScale(1)).isZero();
        assertThat(metaData.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(metaData.getColumnDisplaySize(1)).isEqualTo(20);
        assertThat(metaData.getColumnClassName(1)).isEqualTo("java.lang.Long");
        assertThat(metaData.isSigned(1)).isTrue();
        assertThat(metaData.getSchemaName(1)).isEqualTo("main");
        assertThat(metaData.getTableName(1)).isEqualTo("lineitem");
        assertThat(metaData.getCatalogName(1)).isEmpty();

        assertThat(metaData.getColumnName(2)).isEqualTo("l_extendedprice");
        assertThat(metaData.getColumnLabel(2)).isEqualTo("price");
        assertThat(metaData.getColumnType(2)).isEqualTo(Types.DECIMAL);
        assertThat(metaData.getPrecision(2)).isEqualTo(15);
        assertThat(metaData.getScale(2)).isEqualTo(2);
        assertThat(metaData.getColumnDisplaySize(2)).isEqualTo(17);
        assertThat(metaData.getColumnClassName(2)).isEqualTo("java.math.BigDecimal");

        assertThat(metaData.getColumnType(3)).isEqualTo(Types.CHAR);
        assertThat(metaData.getPrecision(3)).isEqualTo(25);
        assertThat(metaData.getColumnDisplaySize(3)).isEqualTo(25);
        assertThat(metaData.isCaseSensitive(3)).isTrue();
        assertThat(metaData.isSigned(3)).isFalse();
        assertThat(metaData.getTableName(3)).isEmpty();
        assertThat(metaData.isNullable(3)).isEqualTo(ResultSetMetaData.columnNullableUnknown);

        assertThat(metaData.getColumnTypeName(4)).isEqualTo("TEXT");
        assertThat(metaData.getPrecision(4)).isEqualTo(Integer.MAX_VALUE);

        assertThat(metaData.getColumnType(5)).isEqualTo(Types.DATE);
        assertThat(metaData.getPrecision(5)).isEqualTo(10);
        assertThat(metaData.getColumnClassName(5)).isEqualTo("java.sql.Date");
        assertThat(metaData.getColumnClassName(6)).isEqualTo("java.sql.Timestamp");
        assertThat(metaData.getColumnDisplaySize(6)).isEqualTo(26);
        assertThat(metaData.getColumnClassName(7)).isEqualTo("java.lang.Double");
        assertThat(metaData.isCaseSensitive(7)).isFalse();
    }

    @Test
    void resultColumnsAreReadOnly() throws SQLException {
        ResultSetMetaData metaData = metaData();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            assertThat(metaData.isReadOnly(i)).isTrue();
            assertThat(metaData.isWritable(i)).isFalse();
            assertThat(metaData.isDefinitelyWritable(i)).isFalse();
            assertThat(metaData.isAutoIncrement(i)).isFalse();
            assertThat(metaData.isCurrency(i)).isFalse();
            assertThat(metaData.isSearchable(i)).isTrue();
        }
    }

    @Test
    void columnIndexesAreChecked() throws SQLException {
        ResultSetMetaData metaData = metaData();
        assertSqlState(() -> metaData.getColumnType(0), "07009");
        assertSqlState(() -> metaData.getColumnLabel(8), "07009").hasMessageContaining("the result has 7 columns");
    }
}
