package io.basalt.storage.type;

import java.util.Objects;

/**
 * A logical SQL type with its parameters: precision and scale for DECIMAL, maximum length for VARCHAR and
 * CHAR ({@link #UNBOUNDED_LENGTH} for TEXT / VARCHAR without a length).
 */
public record LogicalType(TypeKind kind, int precision, int scale, int length) {

    public static final int MAX_DECIMAL_PRECISION = 38;
    /** DECIMALs up to this precision fit an unscaled {@code long}. */
    public static final int MAX_LONG_DECIMAL_PRECISION = 18;
    public static final int UNBOUNDED_LENGTH = -1;

    public static final LogicalType BOOLEAN = new LogicalType(TypeKind.BOOLEAN, 0, 0, 0);
    public static final LogicalType TINYINT = new LogicalType(TypeKind.TINYINT, 0, 0, 0);
    public static final LogicalType SMALLINT = new LogicalType(TypeKind.SMALLINT, 0, 0, 0);
    public static final LogicalType INTEGER = new LogicalType(TypeKind.INTEGER, 0, 0, 0);
    public static final LogicalType BIGINT = new LogicalType(TypeKind.BIGINT, 0, 0, 0);
    public static final LogicalType REAL = new LogicalType(TypeKind.REAL, 0, 0, 0);
    public static final LogicalType DOUBLE = new LogicalType(TypeKind.DOUBLE, 0, 0, 0);
    public static final LogicalType TEXT = new LogicalType(TypeKind.VARCHAR, 0, 0, UNBOUNDED_LENGTH);
    public static final LogicalType DATE = new LogicalType(TypeKind.DATE, 0, 0, 0);
    public static final LogicalType TIME = new LogicalType(TypeKind.TIME, 0, 0, 0);
    public static final LogicalType TIMESTAMP = new LogicalType(TypeKind.TIMESTAMP, 0, 0, 0);

    public LogicalType {
        Objects.requireNonNull(kind, "kind");
        if (kind == TypeKind.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                throw new IllegalArgumentException("DECIMAL precision must be between 1 and 38, got " + precision);
            }
            if (scale < 0 || scale > precision) {
                throw new IllegalArgumentException("DECIMAL scale must be between 0 and the precision " + precision + ", got " + scale);
            }
        }
        if ((kind == TypeKind.VARCHAR || kind == TypeKind.CHAR) && length != UNBOUNDED_LENGTH && length < 1) {
            throw new IllegalArgumentException(kind + " length must be positive, got " + length);
        }
    }

    public static LogicalType decimal(int precision, int scale) {
        return new LogicalType(TypeKind.DECIMAL, precision, scale, 0);
    }

    public static LogicalType varchar(int length) {
        return new LogicalType(TypeKind.VARCHAR, 0, 0, length);
    }

    public static LogicalType character(int length) {
        return new LogicalType(TypeKind.CHAR, 0, 0, length);
    }

    public PhysicalKind physicalKind() {
        if (kind == TypeKind.DECIMAL && precision > MAX_LONG_DECIMAL_PRECISION) {
            return PhysicalKind.INT128;
        }
        return kind.defaultPhysicalKind();
    }

    public boolean isBoundedLength() {
        return (kind == TypeKind.VARCHAR || kind == TypeKind.CHAR) && length != UNBOUNDED_LENGTH;
    }

    /** The SQL spelling, e.g. {@code DECIMAL(15,2)}, {@code VARCHAR(25)}, {@code TEXT}. */
    @Override
    public String toString() {
        return switch (kind) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case VARCHAR -> length == UNBOUNDED_LENGTH ? "TEXT" : "VARCHAR(" + length + ")";
            case CHAR -> "CHAR(" + length + ")";
            default -> kind.name();
        };
    }
}
