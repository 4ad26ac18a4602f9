package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.DecimalColumn;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.spi.WideDecimalColumn;

import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * DECIMAL and NUMERIC columns, in either representation: a {@link DecimalColumn} (up to 18 digits) or a
 * {@link WideDecimalColumn} (19 to 38). The batch's scale must be the descriptor's, or values and metadata
 * would disagree.
 */
final class DecimalAccessor extends ColumnAccessor {

    private DecimalColumn narrow;
    private WideDecimalColumn wide;
    private BatchColumn bound;

    DecimalAccessor(ColumnDescriptor descriptor, int columnNumber) {
        super(descriptor, columnNumber);
    }

    @Override
    public void bind(BatchColumn batchColumn) throws SQLException {
        int scale;
        if (batchColumn instanceof DecimalColumn) {
            narrow = (DecimalColumn) batchColumn;
            wide = null;
            scale = narrow.scale();
        } else if (batchColumn instanceof WideDecimalColumn) {
            wide = (WideDecimalColumn) batchColumn;
            narrow = null;
            scale = wide.scale();
        } else {
            throw wrongRepresentation(batchColumn, "DecimalColumn or WideDecimalColumn");
        }
        if (scale != descriptor.scale()) {
            throw SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION, "the transport sent values of scale "
                    + scale + " for " + this + ", whose scale is " + descriptor.scale());
        }
        bound = batchColumn;
    }

    @Override
    public boolean isNull(int row) {
        return bound.isNull(row);
    }

    @Override
    public Object value(int row) {
        return narrow != null ? narrow.get(row) : wide.get(row);
    }

    @Override
    public long getLong(int row) throws SQLException {
        if (narrow != null && narrow.scale() == 0) {
            return narrow.unscaled(row);
        }
        return super.getLong(row);
    }

    @Override
    public String getString(int row) {
        return ((BigDecimal) value(row)).toPlainString();
    }
}
