package io.basalt.server.embedded;

import io.basalt.execution.plan.Column;
import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.BooleanColumn;
import io.basalt.jdbc.spi.DecimalColumn;
import io.basalt.jdbc.spi.DoubleColumn;
import io.basalt.jdbc.spi.LongColumn;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.TextColumn;
import io.basalt.jdbc.spi.WideDecimalColumn;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the executor's column vectors to the driver without copying: the driver's batch columns share the
 * vectors' arrays (the SPI allows arrays longer than the row count, and the driver is done with a batch
 * before it asks for the next).
 */
final class BatchConverter {

    private BatchConverter() {
    }

    static ResultBatch convert(List<Column> columns, ColumnBatch batch) {
        List<BatchColumn> converted = new ArrayList<>(batch.columnCount());
        for (int c = 0; c < batch.columnCount(); c++) {
            converted.add(convert(columns.get(c).type(), batch.column(c)));
        }
        return new ResultBatch(batch.rowCount(), converted);
    }

    private static BatchColumn convert(LogicalType type, ColumnVector vector) {
        boolean[] nulls = vector.mayHaveNulls() ? vector.nulls() : null;
        if (vector instanceof LongVector longs) {
            if (type.kind() == TypeKind.DECIMAL) {
                return new DecimalColumn(longs.values(), type.scale(), nulls);
            }
            return new LongColumn(longs.values(), nulls);
        }
        if (vector instanceof Int128Vector wide) {
            return new WideDecimalColumn(wide.high(), wide.low(), type.scale(), nulls);
        }
        if (vector instanceof DoubleVector doubles) {
            return new DoubleColumn(doubles.values(), nulls);
        }
        if (vector instanceof BooleanVector booleans) {
            return new BooleanColumn(booleans.values(), nulls);
        }
        BytesVector text = (BytesVector) vector;
        return new TextColumn(text.data(), text.offsets(), nulls);
    }
}
