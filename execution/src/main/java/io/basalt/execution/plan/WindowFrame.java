package io.basalt.execution.plan;

import java.util.Objects;

/**
 * The frame of a window function: the rows from {@code start} to {@code end} around the current row. With
 * {@code rows} the offsets count rows; otherwise (RANGE) only unbounded ends and CURRENT ROW exist, and CURRENT
 * ROW means the current row's first (as a start) or last (as an end) peer.
 */
public record WindowFrame(boolean rows, FrameBound start, FrameBound end) {

    /** SQL's default with ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (up to the last peer). */
    public static final WindowFrame RUNNING = new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.CURRENT_ROW);
    /** SQL's default without ORDER BY: the whole partition. */
    public static final WindowFrame WHOLE_PARTITION =
            new WindowFrame(false, FrameBound.UNBOUNDED_PRECEDING, FrameBound.UNBOUNDED_FOLLOWING);

    public WindowFrame {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!rows && (start.offsetKind() || end.offsetKind())) {
            throw new IllegalArgumentException("RANGE frames have no offsets: " + start + ", " + end);
        }
    }

    @Override
    public String toString() {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + start + " AND " + end;
    }

    /** One end of a frame; {@code offset} counts rows for PRECEDING and FOLLOWING and is 0 otherwise. */
    public record FrameBound(BoundKind kind, long offset) {

        public static final FrameBound UNBOUNDED_PRECEDING = new FrameBound(BoundKind.UNBOUNDED_PRECEDING, 0);
        public static final FrameBound CURRENT_ROW = new FrameBound(BoundKind.CURRENT_ROW, 0);
        public static final FrameBound UNBOUNDED_FOLLOWING = new FrameBound(BoundKind.UNBOUNDED_FOLLOWING, 0);

        public FrameBound {
            Objects.requireNonNull(kind, "kind");
            if (offset < 0) {
                throw new IllegalArgumentException("frame offset must not be negative: " + offset);
            }
        }

        public static FrameBound preceding(long offset) {
            return new FrameBound(BoundKind.PRECEDING, offset);
        }

        public static FrameBound following(long offset) {
            return new FrameBound(BoundKind.FOLLOWING, offset);
        }

        boolean offsetKind() {
            return kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
                case PRECEDING -> offset + " PRECEDING";
                case CURRENT_ROW -> "CURRENT ROW";
                case FOLLOWING -> offset + " FOLLOWING";
                case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            };
        }
    }

    public enum BoundKind {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }
}
