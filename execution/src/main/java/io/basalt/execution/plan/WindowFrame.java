package io.basalt.execution.plan;

import java.util.Objects;

/**
 * The frame of a window function: the rows from {@code start} to {@code end} around the current row. With
 * {@code rows} the offsets count rows. Otherwise (RANGE) CURRENT ROW means the current row's first (as a start) or
 * last (as an end) peer, and an offset is a distance between values of the window's single ORDER BY key, in the
 * units of its stored long (integers; a DECIMAL's unscaled value; days of a DATE, microseconds of a TIMESTAMP or
 * TIME) or, for a DOUBLE or REAL key, the bound's {@code realOffset}: the frame starts at the first row whose key lies at or after the current key moved by the offset (in the
 * sort's direction) and ends at the last row at or before it. The optimizer rounds an offset that falls between two
 * key values so that this stays exact (down for a start PRECEDING or an end FOLLOWING, up otherwise). NULL keys sort
 * as the sort key says, before or after every value; a NULL current row's offset bounds are its peers.
 * {@code exclusion} takes rows out of the frame again: the current row, its peer group, or its peers but itself.
 */
public record WindowFrame(boolean rows, FrameBound start, FrameBound end, Exclusion exclusion) {

    /** SQL's default with ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (up to the last peer). */
    public static final WindowFrame RUNNING = new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.CURRENT_ROW);
    /** SQL's default without ORDER BY: the whole partition. */
    public static final WindowFrame WHOLE_PARTITION =
            new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.UNBOUNDED_FOLLOWING);

    public WindowFrame {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(exclusion, "exclusion");
    }

    /** A frame that excludes nothing. */
    public WindowFrame(boolean rows, FrameBound start, FrameBound end) {
        this(rows, start, end, Exclusion.NO_OTHERS);
    }

    /** SQL's {@code EXCLUDE} clause of a frame. */
    public enum Exclusion {
        NO_OTHERS, CURRENT_ROW, GROUP, TIES
    }

    /** A RANGE frame with a PRECEDING or FOLLOWING offset: it needs the order key's values. */
    public boolean rangeWithOffset() {
        return !rows && (start.offsetKind() || end.offsetKind());
    }

    @Override
    public String toString() {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + start + " AND " + end
                + (exclusion == Exclusion.NO_OTHERS ? "" : " EXCLUDE " + exclusion.name().replace('_', ' '));
    }

    /**
     * One end of a frame; {@code offset} is the distance of PRECEDING and FOLLOWING (rows, or RANGE key units) and 0
     * otherwise; {@code realOffset} is that distance for a RANGE frame over a DOUBLE or REAL key (0 otherwise).
     */
    public record FrameBound(BoundKind kind, long offset, double realOffset) {

        public static final FrameBound UNBOUNDED_PRECEDING = new FrameBound(BoundKind.UNBOUNDED_PRECEDING, 0);
        public static final FrameBound CURRENT_ROW = new FrameBound(BoundKind.CURRENT_ROW, 0);
        public static final FrameBound UNBOUNDED_FOLLOWING = new FrameBound(BoundKind.UNBOUNDED_FOLLOWING, 0);

        public FrameBound {
            Objects.requireNonNull(kind, "kind");
            if (offset < 0 || !(realOffset >= 0)) {
                throw new IllegalArgumentException("frame offset must not be negative: " + offset + ", " + realOffset);
            }
        }

        public FrameBound(BoundKind kind, long offset) {
            this(kind, offset, 0);
        }

        /** PRECEDING ({@code preceding}) or FOLLOWING by a distance between DOUBLE keys. */
        public static FrameBound real(boolean preceding, double offset) {
            return new FrameBound(preceding ? BoundKind.PRECEDING : BoundKind.FOLLOWING, 0, offset);
        }

        public static FrameBound preceding(long offset) {
            return new FrameBound(BoundKind.PRECEDING, offset);
        }

        public static FrameBound following(long offset) {
            return new FrameBound(BoundKind.FOLLOWING, offset);
        }

        public boolean offsetKind() {
            return kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
                case PRECEDING -> distance(this) + " PRECEDING";
                case CURRENT_ROW -> "CURRENT ROW";
                case FOLLOWING -> distance(this) + " FOLLOWING";
                case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            };
        }
    }

    private static String distance(FrameBound bound) {
        return bound.realOffset() != 0 ? String.valueOf(bound.realOffset()) : String.valueOf(bound.offset());
    }

    public enum BoundKind {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }
}
