package io.basalt.storage.table;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;

/**
 * Refuses batches that do not fit the table: wrong shape, NULL in a NOT NULL column, integers outside
 * their declared width, DECIMALs with too many digits, strings longer than their declared length. Storage
 * checks this itself because a wrong value on disk would be silently wrong forever after.
 */
final class BatchValidator {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private BatchValidator() {
    }

    static void validate(TableDefinition table, ColumnBatch batch) {
        if (batch.columnCount() != table.columns().size()) {
            throw new StorageException(StorageErrors.DATATYPE_MISMATCH, "table " + table.qualifiedName() + " has "
                    + table.columns().size() + " columns, the batch " + batch.columnCount());
        }
        for (int c = 0; c < batch.columnCount(); c++) {
            ColumnDefinition column = table.columns().get(c);
            ColumnVector vector = batch.column(c);
            if (vector.kind() != column.type().physicalKind()) {
                throw new StorageException(StorageErrors.DATATYPE_MISMATCH, "column " + column.name() + " of type "
                        + column.type() + " needs a " + column.type().physicalKind() + " vector, got " + vector.kind());
            }
            if (!column.nullable() && vector.mayHaveNulls() && vector.nullCount() > 0) {
                throw new StorageException(StorageErrors.NOT_NULL_VIOLATION, "null value in column \"" + column.name()
                        + "\" of table \"" + table.qualifiedName() + "\" violates not-null constraint");
            }
            checkValues(table, column, vector);
        }
    }

    private static void checkValues(TableDefinition table, ColumnDefinition column, ColumnVector vector) {
        LogicalType type = column.type();
        if (vector instanceof LongVector longs) {
            long min;
            long max;
            switch (type.kind()) {
                case TINYINT -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; }
                case SMALLINT -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; }
                case INTEGER -> { min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; }
                case BOOLEAN -> { min = 0; max = 1; }
                case DECIMAL -> { max = POWERS_OF_TEN[type.precision()] - 1; min = -max; }
                default -> { return; }
            }
            long[] values = longs.values();
            for (int i = 0; i < longs.positionCount(); i++) {
                long value = values[i];
                if ((value < min || value > max) && !longs.isNull(i)) {
                    throw outOfRange(table, column, type.kind() == TypeKind.DECIMAL
                            ? new java.math.BigDecimal(BigInteger.valueOf(value), type.scale()).toPlainString()
                            : Long.toString(value));
                }
            }
        } else if (vector instanceof Int128Vector wide) {
            BigInteger limit = BigInteger.TEN.pow(type.precision());
            for (int i = 0; i < wide.positionCount(); i++) {
                if (!wide.isNull(i) && wide.getBigInteger(i).abs().compareTo(limit) >= 0) {
                    throw outOfRange(table, column, new java.math.BigDecimal(wide.getBigInteger(i), type.scale()).toPlainString());
                }
            }
        } else if (vector instanceof BytesVector strings && type.isBoundedLength()) {
            checkLengths(table, column, strings);
        }
    }

    private static void checkLengths(TableDefinition table, ColumnDefinition column, BytesVector strings) {
        int limit = column.type().length();
        byte[] data = strings.data();
        for (int i = 0; i < strings.positionCount(); i++) {
            int length = strings.length(i);
            if (length <= limit) {
                continue; // a UTF-8 string never has more characters than bytes
            }
            int characters = 0;
            int end = strings.offset(i) + length;
            for (int b = strings.offset(i); b < end; b++) {
                if ((data[b] & 0xC0) != 0x80) {
                    characters++;
                }
            }
            if (characters > limit) {
                throw new StorageException(StorageErrors.STRING_TOO_LONG, "value too long for type " + column.type()
                        + " in column \"" + column.name() + "\" of table \"" + table.qualifiedName() + "\" (" + characters
                        + " characters)");
            }
        }
    }

    private static StorageException outOfRange(TableDefinition table, ColumnDefinition column, String value) {
        return new StorageException(StorageErrors.NUMERIC_OUT_OF_RANGE, "value " + value + " is out of range for type "
                + column.type() + " in column \"" + column.name() + "\" of table \"" + table.qualifiedName() + "\"");
    }
}
