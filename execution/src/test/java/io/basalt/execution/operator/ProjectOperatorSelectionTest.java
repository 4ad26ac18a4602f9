package io.basalt.execution.operator;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A projection handed a whole batch with the rows a filter kept ({@code processSelected}). */
class ProjectOperatorSelectionTest {

    private static final ColumnReference X = new ColumnReference(0, LogicalType.BIGINT);

    /** Collects what reaches it; takes selections as the aggregation does. */
    private static final class Collector implements BatchConsumer {
        final List<List<Long>> rows = new ArrayList<>();
        int selectedBatches;

        @Override
        public void accept(ColumnBatch batch) {
            LongVector values = (LongVector) batch.column(0);
            for (int row = 0; row < batch.rowCount(); row++) {
                rows.add(List.of(values.values()[row]));
            }
        }

        @Override
        public boolean takesSelections() {
            return true;
        }

        @Override
        public void acceptSelected(ColumnBatch batch, int[] positions, int count) {
            selectedBatches++;
            LongVector values = (LongVector) batch.column(0);
            for (int i = 0; i < count; i++) {
                rows.add(List.of(values.values()[positions[i]]));
            }
        }
    }

    private static ColumnBatch batch(long... values) {
        LongVector vector = new LongVector(values.length);
        for (long value : values) {
            vector.append(value);
        }
        return new ColumnBatch(values.length, List.of(vector));
    }

    @Test
    void expressionsThatCannotFailRunOnTheWholeBatchAndTheSelectionIsPassedOn() {
        ProjectOperator project = new ProjectOperator(List.of(
                Call.of(Function.ADD, LogicalType.BIGINT, X, new Literal(1L, LogicalType.BIGINT))));
        Collector output = new Collector();
        assertThat(project.takesSelections(output)).isTrue();
        project.processSelected(batch(10, 0, 20, 0, 30), new int[] {0, 2, 4}, 3, output);
        assertThat(output.rows).containsExactly(List.of(11L), List.of(21L), List.of(31L));
        assertThat(output.selectedBatches).isEqualTo(1);
    }

    /** 100 / x fails on the rows with x = 0, which the filter left out: no error, the kept rows evaluated alone. */
    @Test
    void anErrorOnALeftOutRowIsNoErrorButOneOnAKeptRowIs() {
        ProjectOperator project = new ProjectOperator(List.of(
                Call.of(Function.DIVIDE, LogicalType.BIGINT, new Literal(100L, LogicalType.BIGINT), X)));
        Collector output = new Collector();
        project.processSelected(batch(10, 0, 20, 0, 50), new int[] {0, 2, 4}, 3, output);
        assertThat(output.rows).containsExactly(List.of(10L), List.of(5L), List.of(2L));
        assertThat(output.selectedBatches).isZero();

        assertThatThrownBy(() -> project.processSelected(batch(10, 0, 20), new int[] {0, 1}, 2, new Collector()))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo(ExecutionException.DIVISION_BY_ZERO));
    }

    @Test
    void aConsumerThatTakesNoSelectionsGetsTheKeptRowsCopiedOut() {
        ProjectOperator project = new ProjectOperator(List.of(X));
        List<Long> seen = new ArrayList<>();
        BatchConsumer plain = batch -> {
            for (int row = 0; row < batch.rowCount(); row++) {
                seen.add(((LongVector) batch.column(0)).values()[row]);
            }
        };
        assertThat(project.takesSelections(plain)).isFalse();
        plain.acceptSelected(batch(1, 2, 3, 4), new int[] {1, 3}, 2);
        project.processSelected(batch(5, 6, 7), new int[] {0, 2}, 2, plain);
        assertThat(seen).containsExactly(2L, 4L, 5L, 7L);
    }
}
