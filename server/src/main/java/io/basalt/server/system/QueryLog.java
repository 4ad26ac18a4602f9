package io.basalt.server.system;

import io.basalt.execution.ExecutionException;
import io.basalt.server.StatementException;
import io.basalt.storage.StorageException;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The statements of one database: those running and the last {@link #FINISHED_KEPT} finished, for
 * {@code information_schema.basalt_queries}. Kept in memory only: a restart starts an empty log.
 */
public final class QueryLog {

    /** How many finished statements are kept. */
    public static final int FINISHED_KEPT = 100;

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Entry> running = new ConcurrentSkipListMap<>();
    private final Deque<Entry> finished = new ArrayDeque<>();

    /** Records a statement as running; the caller ends the entry. */
    public Entry start(long sessionId, Optional<String> user, String sql) {
        Entry entry = new Entry(ids.incrementAndGet(), sessionId, user.orElse(null), sql, Instant.now(), System.nanoTime());
        running.put(entry.id, entry);
        return entry;
    }

    /**
     * The rows of basalt_queries: query_id, session_id, user_name, state, query, started, elapsed_ms, row_count,
     * error_sqlstate; running statements first, then finished ones, newest first.
     */
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        running.values().forEach(entry -> rows.add(entry.row()));
        synchronized (finished) {
            finished.descendingIterator().forEachRemaining(entry -> rows.add(entry.row()));
        }
        return rows;
    }

    private void ended(Entry entry) {
        running.remove(entry.id);
        synchronized (finished) {
            finished.addLast(entry);
            while (finished.size() > FINISHED_KEPT) {
                finished.removeFirst();
            }
        }
    }

    /** One statement: running until {@link #finished} or {@link #failed}. */
    public final class Entry {

        private final long id;
        private final long sessionId;
        private final String user;
        private final String sql;
        private final Instant started;
        private final long startNanos;
        private final AtomicLong rows = new AtomicLong();
        private volatile long endNanos = -1;
        private volatile String errorSqlState;

        private Entry(long id, long sessionId, String user, String sql, Instant started, long startNanos) {
            this.id = id;
            this.sessionId = sessionId;
            this.user = user;
            this.sql = sql;
            this.started = started;
            this.startNanos = startNanos;
        }

        /** Rows produced (a query's result rows) or changed (INSERT, UPDATE, …) so far. */
        public void addRows(long count) {
            rows.addAndGet(count);
        }

        public synchronized void finished() {
            if (endNanos < 0) {
                endNanos = System.nanoTime();
                ended(this);
            }
        }

        public synchronized void failed(RuntimeException error) {
            if (endNanos < 0) {
                errorSqlState = sqlStateOf(error);
                endNanos = System.nanoTime();
                ended(this);
            }
        }

        private List<Object> row() {
            long end = endNanos;
            long elapsedMillis = ((end < 0 ? System.nanoTime() : end) - startNanos) / 1_000_000;
            String state = end < 0 ? "running" : errorSqlState == null ? "finished" : "failed";
            return Arrays.asList(id, sessionId, user, state, sql, started.toString(), elapsedMillis, rows.get(),
                    errorSqlState);
        }
    }

    private static String sqlStateOf(RuntimeException error) {
        if (error instanceof StatementException statement) {
            return statement.sqlState();
        }
        if (error instanceof ExecutionException execution) {
            return execution.sqlState();
        }
        if (error instanceof StorageException storage) {
            return storage.sqlState();
        }
        return "XX000";
    }
}
