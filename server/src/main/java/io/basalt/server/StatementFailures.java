package io.basalt.server;

import io.basalt.execution.ExecutionException;
import io.basalt.optimizer.PlanningException;
import io.basalt.storage.StorageException;

import java.util.function.Supplier;

/** Every layer's error as the one error a session reports, {@link StatementException}. */
final class StatementFailures {

    private StatementFailures() {
    }

    static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (StorageException e) {
            throw new StatementException(e.sqlState(), e.getMessage(), -1, -1, e);
        } catch (ExecutionException e) {
            throw new StatementException(e.sqlState(), e.getMessage(), -1, -1, e);
        } catch (PlanningException e) {
            throw new StatementException(e.sqlState(), e.getMessage(), -1, -1, e);
        }
    }
}
