package io.basalt.storage.segment;

import io.basalt.storage.type.TypeKind;

/**
 * The stable on-disk ids of logical type kinds. Enum ordinals would change if a kind were added in the
 * middle, so the ids are spelled out and never reused.
 */
final class LogicalTypeCodes {

    private LogicalTypeCodes() {
    }

    static int idOf(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> 1;
            case TINYINT -> 2;
            case SMALLINT -> 3;
            case INTEGER -> 4;
            case BIGINT -> 5;
            case DECIMAL -> 6;
            case REAL -> 7;
            case DOUBLE -> 8;
            case VARCHAR -> 9;
            case CHAR -> 10;
            case DATE -> 11;
            case TIME -> 12;
            case TIMESTAMP -> 13;
        };
    }

    /** The kind with this id, or {@code null} if the id is unknown. */
    static TypeKind kindOf(int id) {
        for (TypeKind kind : TypeKind.values()) {
            if (idOf(kind) == id) {
                return kind;
            }
        }
        return null;
    }
}
