package io.basalt.execution.operator;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.expression.FailureAnalysis;
import io.basalt.execution.expression.LongWhenFits;
import io.basalt.execution.expression.SharedSubexpressions;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Computes one output column per expression; a column reference passes its vector through uncopied. Subexpressions
 * the expressions have in common are computed once per batch ({@link SharedSubexpressions}) into extra columns
 * that the expressions then read.
 */
public final class ProjectOperator implements StreamingOperator {

    private final List<CompiledExpression> shared;
    private final int inputColumns;
    private final List<CompiledExpression> expressions;
    /** No expression can fail ({@link FailureAnalysis}): an error then is never a left-out row's. */
    private final boolean cannotFail;

    public ProjectOperator(List<Expression> expressions) {
        this(expressions, Set.of());
    }

    /**
     * @param longWhenFits the output columns whose readers take a wide DECIMAL as long vectors too ({@link LongWhenFits}):
     *                     they, and the shared subexpressions only they and wide products read, may come as long vectors
     */
    public ProjectOperator(List<Expression> expressions, Set<Integer> longWhenFits) {
        SharedSubexpressions common = SharedSubexpressions.of(expressions);
        boolean[] sharedLongWhenFits = LongWhenFits.sharedColumns(common, longWhenFits);
        List<CompiledExpression> sharedCompiled = new ArrayList<>();
        for (int k = 0; k < common.shared().size(); k++) {
            sharedCompiled.add(compile(common.shared().get(k), sharedLongWhenFits[k]));
        }
        this.shared = List.copyOf(sharedCompiled);
        this.inputColumns = common.inputColumns();
        List<CompiledExpression> compiled = new ArrayList<>();
        for (int i = 0; i < common.rewritten().size(); i++) {
            compiled.add(compile(common.rewritten().get(i), longWhenFits.contains(i)));
        }
        this.expressions = List.copyOf(compiled);
        this.cannotFail = expressions.stream().noneMatch(FailureAnalysis::canFail);
    }

    private static CompiledExpression compile(Expression expression, boolean longWhenFits) {
        return longWhenFits ? ExpressionCompiler.compileLongWhenFits(expression) : ExpressionCompiler.compile(expression);
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer output) {
        output.accept(evaluate(input));
    }

    /**
     * A selection is passed on: the expressions run on every row of the batch, those the selection leaves out too (2 %
     * more rows for TPC-H Q1), instead of the rows being copied out first.
     */
    @Override
    public boolean takesSelections(BatchConsumer output) {
        return output.takesSelections();
    }

    /**
     * An error raised on a row the selection leaves out is no error of the query: when an expression that can fail
     * ({@link FailureAnalysis}) does, the kept rows are copied out and evaluated alone, where an error is theirs.
     * Expressions have no side effects, so evaluating again is safe.
     */
    @Override
    public void processSelected(ColumnBatch input, int[] positions, int count, BatchConsumer output) {
        ColumnBatch whole;
        try {
            whole = evaluate(input);
        } catch (ExecutionException e) {
            if (cannotFail) {
                throw e;
            }
            process(VectorCopier.select(input, positions, count), output);
            return;
        }
        output.acceptSelected(whole, positions, count);
    }

    /** The output columns of every row of {@code input}. */
    private ColumnBatch evaluate(ColumnBatch input) {
        ColumnBatch source = shared.isEmpty() ? input : withSharedColumns(input);
        List<ColumnVector> columns = new ArrayList<>(expressions.size());
        for (CompiledExpression expression : expressions) {
            columns.add(expression.evaluate(source));
        }
        return new ColumnBatch(input.rowCount(), columns);
    }

    /** The input's columns the expressions read, followed by the shared expressions' values (each may read earlier ones). */
    private ColumnBatch withSharedColumns(ColumnBatch input) {
        List<ColumnVector> columns = new ArrayList<>(inputColumns + shared.size());
        columns.addAll(input.columns().subList(0, inputColumns));
        ColumnBatch source = input;
        for (CompiledExpression expression : shared) {
            columns.add(expression.evaluate(source));
            source = new ColumnBatch(input.rowCount(), columns);
        }
        return source;
    }
}
