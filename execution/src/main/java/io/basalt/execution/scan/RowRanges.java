package io.basalt.execution.scan;

import java.util.ArrayList;
import java.util.List;

/** Disjoint, sorted half-open row ranges {@code [start, end)} of a segment: what a scan still has to read. */
final class RowRanges {

    private final List<int[]> ranges = new ArrayList<>();

    RowRanges(int start, int end) {
        if (start < end) {
            ranges.add(new int[] {start, end});
        }
    }

    /** Removes {@code [start, end)}. */
    void subtract(int start, int end) {
        for (int i = 0; i < ranges.size(); i++) {
            int[] range = ranges.get(i);
            if (range[1] <= start || range[0] >= end) {
                continue;
            }
            boolean keepLeft = range[0] < start;
            boolean keepRight = range[1] > end;
            if (keepLeft && keepRight) {
                ranges.add(i + 1, new int[] {end, range[1]});
                range[1] = start;
                return;
            }
            if (keepLeft) {
                range[1] = start;
            } else if (keepRight) {
                range[0] = end;
            } else {
                ranges.remove(i--);
            }
        }
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    long rowCount() {
        long rows = 0;
        for (int[] range : ranges) {
            rows += range[1] - range[0];
        }
        return rows;
    }

    int size() {
        return ranges.size();
    }

    int start(int index) {
        return ranges.get(index)[0];
    }

    int end(int index) {
        return ranges.get(index)[1];
    }
}
