package io.basalt.jdbc.spi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowBatchBuilderTest {

    private static ColumnDescriptor column(String name, int type) {
        return ColumnDescriptor.builder(name, type).build();
    }

    @Test
    void buildsEachTypesRepresentation() {
        List<ColumnDescriptor> columns = Arrays.asList(column("b", Types.BOOLEAN), column("i", Types.INTEGER),
                ColumnDescriptor.builder("d", Types.DECIMAL).precision(10).scale(2).build(),
                ColumnDescriptor.builder("w", Types.DECIMAL).precision(30).scale(2).build(),
                column("f", Types.DOUBLE), column("s", Types.VARCHAR), column("dt", Types.DATE),
                column("t", Types.TIME), column("ts", Types.TIMESTAMP), column("n", Types.NULL));
        ResultBatch batch = new RowBatchBuilder(columns)
                .addRow(true, 7, new BigDecimal("1.5"), 3L, 2.5f, "x", LocalDate.of(1970, 1, 2), LocalTime.of(0, 0, 1),
                        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000), null)
                .addRow(null, null, null, null, null, null, null, null, null, null)
                .build();
        assertThat(batch.rowCount()).isEqualTo(2);
        assertThat(((BooleanColumn) batch.column(0)).get(0)).isTrue();
        assertThat(((LongColumn) batch.column(1)).get(0)).isEqualTo(7L);
        assertThat(((DecimalColumn) batch.column(2)).unscaled(0)).isEqualTo(150L);
        assertThat(((WideDecimalColumn) batch.column(3)).get(0)).isEqualTo(new BigDecimal("3.00"));
        assertThat(((DoubleColumn) batch.column(4)).get(0)).isEqualTo(2.5);
        assertThat(((TextColumn) batch.column(5)).get(0)).isEqualTo("x");
        assertThat(((LongColumn) batch.column(6)).get(0)).isEqualTo(1L);
        assertThat(((LongColumn) batch.column(7)).get(0)).isEqualTo(1_000_000L);
        assertThat(((LongColumn) batch.column(8)).get(0)).isEqualTo(1L);
        assertThat(batch.column(9)).isInstanceOf(NullColumn.class);
        for (int c = 0; c < columns.size(); c++) {
            assertThat(batch.column(c).isNull(0)).isEqualTo(c == 9);
            assertThat(batch.column(c).isNull(1)).isTrue();
        }
    }

    @Test
    void refusesValuesThatDoNotFit() {
        List<ColumnDescriptor> decimal = Collections.singletonList(
                ColumnDescriptor.builder("d", Types.DECIMAL).precision(10).scale(2).build());
        assertThatThrownBy(() -> new RowBatchBuilder(decimal).addRow(new BigDecimal("1.234")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more fraction digits than the scale 2");
        assertThatThrownBy(() -> new RowBatchBuilder(Collections.singletonList(column("i", Types.INTEGER))).addRow("1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected Number");
        assertThatThrownBy(() -> new RowBatchBuilder(Collections.singletonList(column("i", Types.INTEGER))).addRow(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an integer type needs");
        assertThatThrownBy(() -> new RowBatchBuilder(Collections.singletonList(column("n", Types.NULL))).addRow(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type NULL but has values");
        assertThatThrownBy(() -> new RowBatchBuilder(Collections.singletonList(column("t", Types.TIME)))
                .addRow(LocalTime.of(0, 0, 0, 1)).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finer than a microsecond");
        assertThatThrownBy(() -> new RowBatchBuilder(Collections.singletonList(column("i", Types.INTEGER))).addRow(1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
