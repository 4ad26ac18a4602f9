package io.basalt.execution.operator;

import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.expression.LongWhenFits;
import io.basalt.execution.expression.SharedSubexpressions;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

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
    }

    private static CompiledExpression compile(Expression expression, boolean longWhenFits) {
        return longWhenFits ? ExpressionCompiler.compileLongWhenFits(expression) : ExpressionCompiler.compile(expression);
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer output) {
        ColumnBatch source = shared.isEmpty() ? input : withSharedColumns(input);
        List<ColumnVector> columns = new ArrayList<>(expressions.size());
        for (CompiledExpression expression : expressions) {
            columns.add(expression.evaluate(source));
        }
        output.accept(new ColumnBatch(input.rowCount(), columns));
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
