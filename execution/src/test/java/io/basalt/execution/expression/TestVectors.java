package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds vectors, batches and expressions for kernel tests from plain Java values (null is SQL NULL), and
 * reads results back the same way: BigDecimal for DECIMAL, LocalDate/LocalTime/LocalDateTime for dates and
 * times. Null slots of built vectors hold a junk value on purpose, so that a kernel that computes on them
 * and raises an error (instead of ignoring them) is caught.
 */
final class TestVectors {

    static final long JUNK = Long.MIN_VALUE + 7;

    private TestVectors() {
    }

    static ColumnVector vector(LogicalType type, Object... values) {
        int rows = values.length;
        ColumnVector vector = ColumnVector.create(type.physicalKind(), rows);
        if (type.physicalKind() == PhysicalKind.BYTES) {
            BytesVector bytes = (BytesVector) vector;
            for (Object value : values) {
                if (value == null) {
                    bytes.appendNull();
                } else {
                    bytes.append((String) value);
                }
            }
            return bytes;
        }
        vector.setPositionCount(rows);
        for (int i = 0; i < rows; i++) {
            Object value = values[i];
            if (value == null) {
                vector.setNull(i, true);
                writeJunk(vector, i);
                continue;
            }
            switch (type.physicalKind()) {
                case BOOLEAN -> ((BooleanVector) vector).set(i, (Boolean) value);
                case DOUBLE -> ((DoubleVector) vector).set(i, ((Number) value).doubleValue());
                case LONG -> ((LongVector) vector).set(i, toLong(type, value));
                case INT128 -> {
                    BigInteger unscaled = unscaled(type, value);
                    ((Int128Vector) vector).set(i, unscaled.shiftRight(64).longValue(), unscaled.longValue());
                }
                default -> throw new IllegalStateException();
            }
        }
        return vector;
    }

    private static void writeJunk(ColumnVector vector, int i) {
        if (vector instanceof LongVector longs) {
            longs.set(i, JUNK);
        } else if (vector instanceof DoubleVector doubles) {
            doubles.set(i, 0.0);
        } else if (vector instanceof Int128Vector wide) {
            wide.set(i, Long.MIN_VALUE, 0);
        }
    }

    private static long toLong(LogicalType type, Object value) {
        return switch (type.kind()) {
            case DATE -> value instanceof String text ? LocalDate.parse(text).toEpochDay() : ((LocalDate) value).toEpochDay();
            case TIME -> (value instanceof String text ? LocalTime.parse(text) : (LocalTime) value).toNanoOfDay() / 1000;
            case TIMESTAMP -> {
                LocalDateTime time = value instanceof String text ? LocalDateTime.parse(text.replace(' ', 'T')) : (LocalDateTime) value;
                yield ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), time);
            }
            case DECIMAL -> unscaled(type, value).longValueExact();
            default -> ((Number) value).longValue();
        };
    }

    static BigInteger unscaled(LogicalType type, Object value) {
        BigDecimal decimal = value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
        return decimal.setScale(type.scale()).unscaledValue();
    }

    static ColumnBatch batch(ColumnVector... columns) {
        int rows = columns.length == 0 ? 0 : columns[0].positionCount();
        return new ColumnBatch(rows, List.of(columns));
    }

    /** The values of a result vector as Java objects. */
    static List<Object> values(ColumnVector vector, LogicalType type) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < vector.positionCount(); i++) {
            values.add(value(vector, type, i));
        }
        return values;
    }

    static Object value(ColumnVector vector, LogicalType type, int i) {
        if (vector.isNull(i)) {
            return null;
        }
        if (vector instanceof BooleanVector booleans) {
            return booleans.get(i);
        }
        if (vector instanceof DoubleVector doubles) {
            return doubles.get(i);
        }
        if (vector instanceof BytesVector bytes) {
            return bytes.getString(i);
        }
        if (vector instanceof Int128Vector wide) {
            return new BigDecimal(wide.getBigInteger(i), type.scale());
        }
        long value = ((LongVector) vector).get(i);
        return switch (type.kind()) {
            case DECIMAL -> BigDecimal.valueOf(value, type.scale());
            case DATE -> LocalDate.ofEpochDay(value);
            case TIME -> LocalTime.ofNanoOfDay(value * 1000);
            case TIMESTAMP -> LocalDateTime.of(1970, 1, 1, 0, 0).plus(value, ChronoUnit.MICROS);
            default -> value;
        };
    }

    /** Compiles and evaluates, checking the contract's row count and the vector kind. */
    static List<Object> evaluate(Expression expression, ColumnBatch batch) {
        ColumnVector result = ExpressionCompiler.compile(expression).evaluate(batch);
        if (result.positionCount() != batch.rowCount()) {
            throw new AssertionError("result has " + result.positionCount() + " positions for " + batch.rowCount() + " rows");
        }
        if (result.kind() != expression.type().physicalKind()) {
            throw new AssertionError("result is " + result.kind() + " for a " + expression.type() + " expression");
        }
        return values(result, expression.type());
    }

    /** Evaluates an expression of constants and columns over one column. */
    static List<Object> evaluate(Expression expression, LogicalType columnType, Object... columnValues) {
        return evaluate(expression, batch(vector(columnType, columnValues)));
    }

    static ColumnReference column(int index, LogicalType type) {
        return new ColumnReference(index, type);
    }

    static Literal literal(Object value, LogicalType type) {
        if (value == null) {
            return Literal.nullOf(type);
        }
        Object converted = value;
        if (type.kind() == TypeKind.DECIMAL) {
            BigInteger unscaled = unscaled(type, value);
            converted = type.physicalKind() == PhysicalKind.LONG ? (Object) unscaled.longValueExact() : unscaled;
        } else if (type.physicalKind() == PhysicalKind.LONG && !(value instanceof Long)) {
            converted = value instanceof Number number ? (Object) number.longValue() : (Object) toLong(type, value);
        } else if (type.physicalKind() == PhysicalKind.DOUBLE) {
            converted = ((Number) value).doubleValue();
        }
        return new Literal(converted, type);
    }

    /** {@code value IN (constants…)} over text constants. */
    static Call textIn(Expression value, String... constants) {
        List<Expression> arguments = new java.util.ArrayList<>();
        arguments.add(value);
        for (String constant : constants) {
            arguments.add(literal(constant, LogicalType.TEXT));
        }
        return new Call(Function.IN, arguments, LogicalType.BOOLEAN);
    }

    static Call call(Function function, LogicalType type, Expression... arguments) {
        return new Call(function, Arrays.asList(arguments), type);
    }

    static List<Object> list(Object... values) {
        return Arrays.asList(values);
    }

    static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }
}
