package io.basalt.jdbc.spi;

import org.junit.jupiter.api.Test;

import java.sql.ParameterMetaData;
import java.sql.ResultSetMetaData;
import java.sql.SQLWarning;
import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DescriptorsTest {

    @Test
    void columnDescriptorsFillTheTypesDefaults() {
        ColumnDescriptor integer = ColumnDescriptor.builder("n", Types.INTEGER).build();
        assertThat(integer.label()).isEqualTo("n");
        assertThat(integer.typeName()).isEqualTo("INTEGER");
        assertThat(integer.precision()).isEqualTo(10);
        assertThat(integer.displaySize()).isEqualTo(11);
        assertThat(integer.nullable()).isEqualTo(ResultSetMetaData.columnNullableUnknown);
        assertThat(integer.schemaName()).isEmpty();

        ColumnDescriptor money = ColumnDescriptor.builder("m", Types.DECIMAL).precision(12).scale(2).build();
        assertThat(money.displaySize()).isEqualTo(14);
        assertThat(money.toString()).isEqualTo("m DECIMAL(12,2)");
        assertThat(ColumnDescriptor.builder("m", Types.DECIMAL).precision(12).build().displaySize()).isEqualTo(13);
        assertThat(ColumnDescriptor.builder("s", Types.VARCHAR).precision(40).build().displaySize()).isEqualTo(40);
        assertThat(ColumnDescriptor.builder("s", Types.VARCHAR).displaySize(7).build().displaySize()).isEqualTo(7);
    }

    @Test
    void columnDescriptorsRefuseWhatBasaltCannotCarry() {
        assertThatThrownBy(() -> ColumnDescriptor.builder("b", Types.BLOB)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Basalt has no SQL type with java.sql.Types code 2004");
        assertThatThrownBy(() -> ColumnDescriptor.builder("d", Types.DECIMAL).precision(39).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnDescriptor.builder("d", Types.DECIMAL).precision(5).scale(6).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnDescriptor.builder("i", Types.INTEGER).precision(5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnDescriptor.builder("i", Types.INTEGER).scale(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnDescriptor.builder("i", Types.INTEGER).nullable(7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parameterDescriptors() {
        ParameterDescriptor decimal = new ParameterDescriptor(Types.DECIMAL, 15, 2, ParameterMetaData.parameterNullable);
        assertThat(decimal.toString()).isEqualTo("DECIMAL(15,2)");
        ParameterDescriptor integer = new ParameterDescriptor(Types.INTEGER, 99, 9, ParameterMetaData.parameterNoNulls);
        assertThat(integer.precision()).isEqualTo(10);
        assertThat(integer.scale()).isZero();
        assertThatThrownBy(() -> new ParameterDescriptor(Types.ARRAY, 0, 0, ParameterMetaData.parameterNullable))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTypeKnowsItsCode() {
        for (BasaltType type : BasaltType.values()) {
            assertThat(BasaltType.ofSqlType(type.sqlType())).isEqualTo(type);
        }
        assertThat(BasaltType.ofSqlType(Types.BLOB)).isNull();
    }

    @Test
    void executionResultsAndOptionsValidate() {
        assertThatThrownBy(() -> ExecutionResult.updateCount(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExecutionResult.rows(null)).isInstanceOf(IllegalArgumentException.class);
        ExecutionResult result = ExecutionResult.updateCount(2).withWarnings(new SQLWarning("w"));
        assertThat(result.hasRows()).isFalse();
        assertThat(result.updateCount()).isEqualTo(2);
        assertThat(result.warnings().getMessage()).isEqualTo("w");
        assertThatThrownBy(() -> new ExecutionOptions(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TypedNull.of(Types.INTEGER)).isEqualTo(TypedNull.of(Types.INTEGER)).hasToString("NULL::INTEGER");
        assertThat(TypedNull.of(Types.OTHER).toString()).isEqualTo("NULL::java.sql.Types(1111)");
    }
}
