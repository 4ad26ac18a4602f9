package io.basalt.jdbc.spi;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultBatchTest {

    @Test
    void arraysMayBeLongerThanTheBatch() {
        ResultBatch batch = new ResultBatch(2, new LongColumn(new long[1024], null),
                new TextColumn(new byte[] {'a', 'b'}, new int[] {0, 1, 2, 0, 0}, new boolean[1024]));
        assertThat(batch.rowCount()).isEqualTo(2);
        assertThat(batch.columnCount()).isEqualTo(2);
        assertThat(((TextColumn) batch.column(1)).get(1)).isEqualTo("b");
    }

    @Test
    void columnsMustHoldEveryRow() {
        assertThatThrownBy(() -> new ResultBatch(3, new LongColumn(new long[2], null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column 1 (LongColumn) holds 2 rows, the batch has 3");
        assertThatThrownBy(() -> new ResultBatch(3, new LongColumn(new long[3], new boolean[2])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultBatch(2, TextColumn.of("only one")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResultBatch(1, Arrays.asList((BatchColumn) null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column 1 is missing");
        assertThatThrownBy(() -> new ResultBatch(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullMaskMarksNullRows() {
        LongColumn column = new LongColumn(new long[] {1, 0, 3}, new boolean[] {false, true, false});
        assertThat(column.isNull(0)).isFalse();
        assertThat(column.isNull(1)).isTrue();
        assertThat(new LongColumn(new long[] {1}, null).isNull(0)).isFalse();
        assertThat(new NullColumn().isNull(12345)).isTrue();
    }

    @Test
    void textColumnsFromStrings() {
        TextColumn column = TextColumn.of("a", null, "", "ünï");
        assertThat(column.get(0)).isEqualTo("a");
        assertThat(column.isNull(1)).isTrue();
        assertThat(column.get(2)).isEmpty();
        assertThat(column.isNull(2)).isFalse();
        assertThat(column.get(3)).isEqualTo("ünï");
        assertThat(column.capacity()).isEqualTo(4);
    }

    @Test
    void decimalColumnsApplyTheirScale() {
        assertThat(new DecimalColumn(new long[] {-12345}, 2, null).get(0)).isEqualTo(new BigDecimal("-123.45"));
        assertThatThrownBy(() -> new DecimalColumn(new long[1], 39, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wideDecimalWordsRoundTrip() {
        BigInteger max = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        for (BigInteger value : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(), max,
                max.negate(), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(63), new BigInteger("-18446744073709551616")}) {
            WideDecimalColumn column = new WideDecimalColumn(new long[] {WideDecimalColumn.highWord(value)},
                    new long[] {WideDecimalColumn.lowWord(value)}, 3, null);
            assertThat(column.unscaled(0)).as(value.toString()).isEqualTo(value);
            assertThat(column.get(0)).isEqualTo(new BigDecimal(value, 3));
        }
        assertThatThrownBy(() -> WideDecimalColumn.highWord(BigInteger.ONE.shiftLeft(127)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
