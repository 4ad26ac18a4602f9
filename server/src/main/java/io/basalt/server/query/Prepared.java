package io.basalt.server.query;

import io.basalt.execution.plan.Column;
import io.basalt.execution.progress.ProgressTracker;
import io.basalt.server.SessionSettings;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.type.LogicalType;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A statement analysed once and run many times, by kind: a query, an INSERT, an EXPLAIN (each keeping its plan
 * while the catalog holds), or any other statement (run from its syntax tree each time). The session checks the
 * number of values and translates errors; implementations convert, bind and run.
 */
public interface Prepared {

    /** The type of each {@code ?} parameter, in text order. */
    List<LogicalType> parameterTypes();

    /** The result's columns: empty for statements without rows, {@code Optional.empty()} when known only once run. */
    Optional<List<Column>> resultColumns();

    /** Runs the statement once with {@code values}, one per parameter. */
    StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled);

    /**
     * Runs the statement once, reporting the progress of the queries it runs to {@code progress}. Statements whose
     * work is not a query of their own (DDL, SET, COPY, INSERT, DML) do not report any: a poller sees no rows planned.
     */
    default StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled,
                                    ProgressTracker progress) {
        return execute(values, settings, cancelled);
    }

    /** Whether the statement is COMMIT or ROLLBACK: the only ones an aborted transaction accepts. */
    default boolean endsTransaction() {
        return false;
    }

    /** How many times the statement was planned so far; 0 for statements that are not planned ahead. */
    default int plannings() {
        return 0;
    }

    /** Whether {@link #executeBatch} runs a whole batch at once (INSERT); otherwise sets run one by one. */
    default boolean runsBatches() {
        return false;
    }

    /**
     * Runs the statement once per parameter set as one unit: all sets take effect or none does. Returns one update
     * count per set.
     */
    default long[] executeBatch(List<? extends List<?>> parameterSets, SessionSettings settings, AtomicBoolean cancelled) {
        throw new UnsupportedOperationException("this statement runs its parameter sets one by one");
    }
}
