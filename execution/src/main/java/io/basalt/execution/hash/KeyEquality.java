package io.basalt.execution.hash;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * Whether a key column's value at one row equals a stored key's, with grouping semantics: NULL equals
 * NULL, -0.0 equals 0.0 and NaN equals NaN (as PostgreSQL groups them). One implementation per physical
 * kind, chosen once per column.
 */
@FunctionalInterface
public interface KeyEquality {

    boolean equal(ColumnVector left, int leftRow, ColumnVector right, int rightRow);

    static KeyEquality of(PhysicalKind kind) {
        KeyEquality values = switch (kind) {
            case LONG -> (a, i, b, j) -> ((LongVector) a).values()[i] == ((LongVector) b).values()[j];
            case DOUBLE -> (a, i, b, j) -> KeyHashing.doubleBits(((DoubleVector) a).values()[i])
                    == KeyHashing.doubleBits(((DoubleVector) b).values()[j]);
            case BOOLEAN -> (a, i, b, j) -> ((BooleanVector) a).values()[i] == ((BooleanVector) b).values()[j];
            case INT128 -> (a, i, b, j) -> ((Int128Vector) a).high()[i] == ((Int128Vector) b).high()[j]
                    && ((Int128Vector) a).low()[i] == ((Int128Vector) b).low()[j];
            case BYTES -> (a, i, b, j) -> {
                BytesVector x = (BytesVector) a;
                BytesVector y = (BytesVector) b;
                return Arrays.equals(x.data(), x.offset(i), x.offset(i + 1), y.data(), y.offset(j), y.offset(j + 1));
            };
        };
        return (a, i, b, j) -> {
            boolean leftNull = a.isNull(i);
            boolean rightNull = b.isNull(j);
            if (leftNull || rightNull) {
                return leftNull && rightNull;
            }
            return values.equal(a, i, b, j);
        };
    }
}
