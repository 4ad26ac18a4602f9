package io.basalt.storage.segment;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.type.LogicalType;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One column of a segment: its name, logical type and the compression of its blocks. */
public record ColumnSpec(String name, LogicalType type, Compression compression) {

    /** Names are stored with a 16-bit length. */
    public static final int MAX_NAME_BYTES = 0xFFFF;

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(compression, "compression");
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("column name longer than " + MAX_NAME_BYTES + " bytes");
        }
        if (type.precision() < 0 || type.precision() > 0xFF || type.scale() < 0 || type.scale() > 0xFF) {
            // Stored as single bytes; LogicalType only checks these for DECIMAL.
            throw new IllegalArgumentException("type " + type + " has precision or scale outside 0..255");
        }
    }
}
