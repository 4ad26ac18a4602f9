package io.basalt.shell.render;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The rows a table shows of a result: all of them, or when there are more than the limit, the first and
 * last halves of it and the count of those in between, read in one pass with bounded memory (a billion-row
 * result costs the shell no more than its forty shown rows).
 */
final class RowSample {

    private final List<String[]> head;
    private final List<String[]> tail;
    private final long total;

    private RowSample(List<String[]> head, List<String[]> tail, long total) {
        this.head = head;
        this.tail = tail;
        this.total = total;
    }

    /** Reads every row of {@code rows}, keeping at most {@code limit} of them (0: keep all). */
    static RowSample read(RowSource rows, int limit) throws SQLException {
        int headCapacity = limit <= 0 ? Integer.MAX_VALUE : (limit + 1) / 2;
        int tailCapacity = limit <= 0 ? 0 : limit / 2;
        List<String[]> head = new ArrayList<>();
        Deque<String[]> tail = new ArrayDeque<>();
        long total = 0;
        String[] row;
        while ((row = rows.next()) != null) {
            total++;
            if (head.size() < headCapacity) {
                head.add(row);
            } else {
                tail.addLast(row);
                if (tail.size() > tailCapacity) {
                    tail.removeFirst();
                }
            }
        }
        return new RowSample(head, new ArrayList<>(tail), total);
    }

    List<String[]> head() {
        return head;
    }

    List<String[]> tail() {
        return tail;
    }

    /** Every row kept, head then tail. */
    List<String[]> shown() {
        List<String[]> shown = new ArrayList<>(head);
        shown.addAll(tail);
        return shown;
    }

    long total() {
        return total;
    }

    /** Rows read but not kept, which sit between the head and the tail. */
    long omitted() {
        return total - head.size() - tail.size();
    }

    /** The 1-based number of the first tail row in the whole result. */
    long firstTailRowNumber() {
        return total - tail.size() + 1;
    }
}
