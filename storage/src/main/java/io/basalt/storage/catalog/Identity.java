package io.basalt.storage.catalog;

/**
 * An identity column's generator ({@code SERIAL}, {@code GENERATED … AS IDENTITY}). The table's durable counter
 * (the manifest's {@code TableEntry.identityPositions}) hands out positions 0, 1, 2, …; the value at position n is
 * {@code start + n × increment}. Positions are never handed out twice, so values are never reused; a position
 * handed to a transaction that rolled back is a gap, as in PostgreSQL.
 *
 * @param always {@code GENERATED ALWAYS}: an explicit value is refused unless {@code OVERRIDING SYSTEM VALUE};
 *               otherwise {@code BY DEFAULT} (and SERIAL): an explicit value is taken as given
 */
public record Identity(boolean always, long start, long increment) {

    public Identity {
        if (increment == 0) {
            throw new IllegalArgumentException("INCREMENT must not be zero");
        }
    }

    /** SERIAL's generator: BY DEFAULT, 1, 2, 3, … */
    public static Identity serial() {
        return new Identity(false, 1, 1);
    }

    /** The value at {@code position}; fails with {@link ArithmeticException} past the range of BIGINT. */
    public long valueAt(long position) {
        return Math.addExact(start, Math.multiplyExact(position, increment));
    }
}
