package io.basalt.execution.aggregate;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.basalt.execution.aggregate.AccumulatorTestData.all;
import static io.basalt.execution.aggregate.AccumulatorTestData.longs;
import static io.basalt.execution.aggregate.AccumulatorTestData.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** ANY_VALUE: a non-NULL value of the group when it has one, NULL otherwise, also after merging. */
class AnyValueAccumulatorTest {

    private final AccumulatorTestData data = new AccumulatorTestData();

    private static AggregateCall anyValue(LogicalType type) {
        return new AggregateCall(AggregateFunction.ANY_VALUE, new int[] {0}, false, -1, type, "a");
    }

    // Group 0: NULL, then 'a' twice; group 1: only NULLs; group 2: NULL, then 'b' (only in the second half when
    // split at 3); group 3: no rows.
    private static final int[] GROUPS = {0, 1, 0, 1, 2, 2, 0};

    @Test
    void aNonNullValuePerGroupInOnePassAndMerged() {
        ColumnVector[] arguments = {texts(null, null, "a", null, null, "b", "a")};
        List<LogicalType> types = List.of(LogicalType.TEXT);
        for (BytesVector result : List.of(
                (BytesVector) data.onePass(anyValue(LogicalType.TEXT), types, arguments, GROUPS, 4),
                (BytesVector) data.merged(anyValue(LogicalType.TEXT), types, arguments, GROUPS, 4, 3))) {
            assertThat(result.getString(0)).isEqualTo("a");
            assertThat(result.isNull(1)).isTrue();
            assertThat(result.getString(2)).isEqualTo("b");
            assertThat(result.isNull(3)).isTrue();
        }
    }

    @Test
    void longsKeepTheFirstNonNullValue() {
        ColumnVector[] arguments = {longs(null, 7L, 5L, 8L, null, 9L, 6L)};
        LongVector result = (LongVector) data.onePass(anyValue(LogicalType.BIGINT), List.of(LogicalType.BIGINT),
                arguments, GROUPS, 4);
        assertThat(result.get(0)).isEqualTo(5L);
        assertThat(result.get(1)).isEqualTo(7L);
        assertThat(result.get(2)).isEqualTo(9L);
        assertThat(result.isNull(3)).isTrue();
    }

    /** Merging into itself in order (as window frames do): a group folded into is folded on later in the same call. */
    @Test
    void mergesIntoItselfOneStepAfterTheOther() {
        Accumulator accumulator = data.create(anyValue(LogicalType.BIGINT), List.of(LogicalType.BIGINT));
        accumulator.ensureGroups(3);
        accumulator.add(new int[] {0}, new ColumnVector[] {longs(42L)}, all(1), 1);
        accumulator.merge(accumulator, new int[] {0, 1}, new int[] {1, 2}, 2);
        LongVector result = (LongVector) accumulator.result(0, 3);
        assertThat(result.get(1)).isEqualTo(42L);
        assertThat(result.get(2)).isEqualTo(42L);
    }
}
