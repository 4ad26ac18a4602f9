package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.basalt.execution.aggregate.AccumulatorTestData.all;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * State outside an accumulator's arrays (MIN/MAX strings) is reserved in chunks: the reservation covers every kept
 * value, exceeds it by a bounded amount, never fails a query that fits, and is given back in full.
 */
class GroupedAccumulatorMemoryTest {

    private static AggregateCall max() {
        return new AggregateCall(AggregateFunction.MAX, new int[] {0}, false, -1, LogicalType.TEXT, "m");
    }

    /** {@code count} rows, row {@code i} in group {@code i} holding a string of {@code length} bytes. */
    private static void addDistinctGroups(Accumulator accumulator, int count, int length) {
        BytesVector strings = new BytesVector(count, count * length);
        int[] groups = new int[count];
        for (int i = 0; i < count; i++) {
            strings.append(String.format("%0" + length + "d", i));
            groups[i] = i;
        }
        accumulator.ensureGroups(count);
        accumulator.add(groups, new ColumnVector[] {strings}, all(count), count);
    }

    @Test
    void theReservationCoversTheValuesByABoundedMarginAndIsGivenBackWhole() {
        MemoryBudget budget = new MemoryBudget(1L << 30);
        MemoryReservation memory = new MemoryReservation(budget, "test");
        Accumulator accumulator = Accumulators.create(max(), List.of(LogicalType.TEXT), memory);

        addDistinctGroups(accumulator, 100_000, 40);

        // 100,000 strings of 40 bytes, about 24 bytes of overhead each, and 8 bytes of array per group.
        long values = 100_000L * (40 + 24);
        assertThat(memory.heldBytes()).isGreaterThanOrEqualTo(values + 8L * 100_000)
                .isLessThanOrEqualTo(values + 8L * 131_072 + 64 * 1024);
        accumulator.release();
        memory.close();
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void aBudgetTooSmallForTheChunkStillTakesWhatFitsAndFailsOnlyBeyondIt() {
        // 3,000 strings of 100 bytes need about 3,000 × 124 + 3,000 × 8 ≈ 400,000 bytes.
        MemoryBudget roomy = new MemoryBudget(420_000);
        Accumulator fits = Accumulators.create(max(), List.of(LogicalType.TEXT), new MemoryReservation(roomy, "test"));
        addDistinctGroups(fits, 3_000, 100);
        assertThat(((BytesVector) fits.result(0, 3_000)).getString(2_999)).endsWith("2999");

        MemoryBudget tight = new MemoryBudget(300_000);
        Accumulator overflows = Accumulators.create(max(), List.of(LogicalType.TEXT), new MemoryReservation(tight, "test"));
        assertThatThrownBy(() -> addDistinctGroups(overflows, 3_000, 100))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("memory limit");
    }

    @Test
    void mergedValuesAreAccountedInTheTargetAfterTheSourceIsReleased() {
        MemoryBudget budget = new MemoryBudget(1L << 30);
        MemoryReservation memory = new MemoryReservation(budget, "test");
        Accumulator target = Accumulators.create(max(), List.of(LogicalType.TEXT), memory);
        Accumulator source = Accumulators.create(max(), List.of(LogicalType.TEXT), memory);
        addDistinctGroups(source, 10_000, 30);
        target.ensureGroups(10_000);
        int[] groups = all(10_000);
        target.merge(source, groups, groups, 10_000);
        source.release();

        assertThat(memory.heldBytes()).isGreaterThanOrEqualTo(10_000L * (30 + 24 + 8));
        BytesVector result = (BytesVector) target.result(0, 10_000);
        assertThat(result.getString(1234)).isEqualTo(String.format("%030d", 1234));
        target.release();
        assertThat(memory.heldBytes()).isZero();
    }
}
