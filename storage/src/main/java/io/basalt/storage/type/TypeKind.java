package io.basalt.storage.type;

/**
 * The logical SQL types Basalt stores. Each kind maps to exactly one {@link PhysicalKind}, which decides
 * the in-memory vector and the block encodings available to it.
 */
public enum TypeKind {
    BOOLEAN(PhysicalKind.BOOLEAN),
    TINYINT(PhysicalKind.LONG),
    SMALLINT(PhysicalKind.LONG),
    INTEGER(PhysicalKind.LONG),
    BIGINT(PhysicalKind.LONG),
    /** Exact numeric; the physical kind depends on the precision, see {@link LogicalType#physicalKind()}. */
    DECIMAL(PhysicalKind.LONG),
    REAL(PhysicalKind.DOUBLE),
    DOUBLE(PhysicalKind.DOUBLE),
    VARCHAR(PhysicalKind.BYTES),
    CHAR(PhysicalKind.BYTES),
    /** Days since 1970-01-01. */
    DATE(PhysicalKind.LONG),
    /** Microseconds since midnight. */
    TIME(PhysicalKind.LONG),
    /** Microseconds since 1970-01-01T00:00:00, without time zone. */
    TIMESTAMP(PhysicalKind.LONG);

    private final PhysicalKind defaultPhysicalKind;

    TypeKind(PhysicalKind defaultPhysicalKind) {
        this.defaultPhysicalKind = defaultPhysicalKind;
    }

    PhysicalKind defaultPhysicalKind() {
        return defaultPhysicalKind;
    }
}
