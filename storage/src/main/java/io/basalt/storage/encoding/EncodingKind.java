package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a block's non-null values are laid out. The {@link #id()} is written into segment files, so it must
 * never change once released. See {@code docs/storage-format.md} for each layout byte by byte.
 */
public enum EncodingKind {
    /** One value repeated for every non-null position. */
    CONSTANT(1),
    /** Runs of equal values: the distinct run values plus bit-packed run lengths. */
    RUN_LENGTH(2),
    /** A sorted dictionary of the distinct values plus bit-packed codes into it. */
    DICTIONARY(3),
    /** Frame of reference: the block minimum plus each value's offset from it in the minimal bit width. */
    BIT_PACKED(4),
    /** The first value plus the differences between neighbours, frame-of-reference bit-packed. */
    DELTA(5),
    /** Every value in full. */
    PLAIN(6);

    private static final Set<EncodingKind> LONG = EnumSet.allOf(EncodingKind.class);
    private static final Set<EncodingKind> DOUBLE = EnumSet.of(CONSTANT, RUN_LENGTH, DICTIONARY, PLAIN);
    private static final Set<EncodingKind> INT128 = EnumSet.of(CONSTANT, DICTIONARY, PLAIN);
    private static final Set<EncodingKind> BYTES = EnumSet.of(CONSTANT, RUN_LENGTH, DICTIONARY, PLAIN);
    private static final Set<EncodingKind> BOOLEAN = EnumSet.of(CONSTANT, RUN_LENGTH, PLAIN);

    private final int id;

    EncodingKind(int id) {
        this.id = id;
    }

    /** The byte written to disk for this encoding. */
    public int id() {
        return id;
    }

    /** Whether blocks of this physical kind may use this encoding. */
    public boolean appliesTo(PhysicalKind kind) {
        return applicable(kind).contains(this);
    }

    /** The encodings available to blocks of a physical kind. */
    public static Set<EncodingKind> applicable(PhysicalKind kind) {
        return switch (kind) {
            case LONG -> LONG;
            case DOUBLE -> DOUBLE;
            case INT128 -> INT128;
            case BYTES -> BYTES;
            case BOOLEAN -> BOOLEAN;
        };
    }

    /** The encoding with this on-disk id, or {@code null} if the id is unknown (the caller reports corruption). */
    public static EncodingKind fromId(int id) {
        for (EncodingKind kind : values()) {
            if (kind.id == id) {
                return kind;
            }
        }
        return null;
    }
}
