package io.basalt.execution.expression;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

/**
 * An expression ready to run on batches: one call evaluates it for every row of the batch with tight,
 * type-specialised loops. Implementations are immutable and may be shared by threads; scratch memory, if
 * any, is per call.
 */
public interface CompiledExpression {

    /** A vector of {@code input.rowCount()} positions holding the expression's value for each row. */
    ColumnVector evaluate(ColumnBatch input);
}
