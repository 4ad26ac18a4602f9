package io.basalt.storage.type;

/**
 * How values of a logical type are held in memory and on disk.
 *
 * <ul>
 *   <li>{@code LONG}: integers of every width, DECIMAL up to 18 digits (unscaled), DATE, TIME, TIMESTAMP</li>
 *   <li>{@code DOUBLE}: REAL and DOUBLE (REAL values are floats widened exactly)</li>
 *   <li>{@code INT128}: DECIMAL with 19 to 38 digits, as a two's-complement 128-bit unscaled value</li>
 *   <li>{@code BYTES}: VARCHAR, CHAR and TEXT, as UTF-8</li>
 *   <li>{@code BOOLEAN}</li>
 * </ul>
 */
public enum PhysicalKind {
    BOOLEAN,
    LONG,
    DOUBLE,
    INT128,
    BYTES
}
