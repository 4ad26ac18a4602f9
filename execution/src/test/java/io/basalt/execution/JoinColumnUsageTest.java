package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Which columns of a hash join are read above it, and joins that skip gathering the others. */
class JoinColumnUsageTest {

    /** A fact table: key of the dimension, a measure, a flag. */
    private static final List<Column> FACT = List.of(Plans.column("f_dim", LogicalType.BIGINT),
            Plans.column("f_amount", LogicalType.BIGINT), Plans.column("f_flag", LogicalType.BOOLEAN));
    /** A dimension: its key, a name, the key of a second dimension. */
    private static final List<Column> DIM = List.of(Plans.column("d_key", LogicalType.BIGINT),
            Plans.column("d_name", LogicalType.TEXT), Plans.column("d_region", LogicalType.BIGINT));
    private static final List<Column> REGION = List.of(Plans.column("r_key", LogicalType.BIGINT),
            Plans.column("r_weight", LogicalType.DOUBLE));

    @TempDir
    Path directory;

    private TestDatabase database;

    @BeforeEach
    void open() {
        database = new TestDatabase(directory);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static HashJoinNode join(PhysicalNode left, PhysicalNode right, int leftKey, int rightKey,
                                     Optional<Expression> residual) {
        return new HashJoinNode(JoinType.INNER, left, right, new int[] {leftKey}, new int[] {rightKey}, residual, false,
                Plans.concat(left.output(), right.output()), 10);
    }

    private static ProjectNode project(PhysicalNode input, int... columns) {
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>();
        for (int column : columns) {
            expressions.add(Plans.column(input, column));
            output.add(input.output().get(column));
        }
        return new ProjectNode(input, expressions, output, 10);
    }

    private static List<Boolean> mask(boolean[] read) {
        List<Boolean> values = new ArrayList<>();
        for (boolean value : read) {
            values.add(value);
        }
        return values;
    }

    @Test
    void aJoinUnderAProjectionReadsOnlyTheProjectedColumnsAndItsResidualsColumns() {
        HashJoinNode plain = join(new ValuesNode(FACT, List.of()), new ValuesNode(DIM, List.of()), 0, 0, Optional.empty());
        assertThat(mask(JoinColumnUsage.of(project(plain, 1, 4)).readColumns(plain)))
                .containsExactly(false, true, false, false, true, false);

        HashJoinNode withResidual = join(new ValuesNode(FACT, List.of()), new ValuesNode(DIM, List.of()), 0, 0,
                Optional.of(new ColumnReference(2, LogicalType.BOOLEAN)));
        assertThat(mask(JoinColumnUsage.of(project(withResidual, 1, 4)).readColumns(withResidual)))
                .containsExactly(false, true, true, false, true, false);
    }

    @Test
    void aJoinBelowAnotherReadsTheUpperJoinsKeyAndWhatIsReadAboveThat() {
        HashJoinNode lower = join(new ValuesNode(FACT, List.of()), new ValuesNode(DIM, List.of()), 0, 0, Optional.empty());
        HashJoinNode upper = join(lower, new ValuesNode(REGION, List.of()), 5, 0, Optional.empty());
        // A filter on f_flag above the upper join: read there though the projection does not output it.
        FilterNode filter = new FilterNode(upper, new ColumnReference(2, LogicalType.BOOLEAN), 10);
        JoinColumnUsage usage = JoinColumnUsage.of(project(filter, 1, 7));
        assertThat(mask(usage.readColumns(upper))).containsExactly(false, true, true, false, false, false, false, true);
        assertThat(mask(usage.readColumns(lower))).containsExactly(false, true, true, false, false, true);
    }

    @Test
    void everyColumnIsReadUnderOtherOperatorsAndOneSidedJoins() {
        HashJoinNode atRoot = join(new ValuesNode(FACT, List.of()), new ValuesNode(DIM, List.of()), 0, 0, Optional.empty());
        assertThat(JoinColumnUsage.of(atRoot).readColumns(atRoot)).isNull();

        HashJoinNode underUnion = join(new ValuesNode(FACT, List.of()), new ValuesNode(DIM, List.of()), 0, 0, Optional.empty());
        PhysicalNode union = new UnionNode(List.of(underUnion), underUnion.output(), 10);
        assertThat(JoinColumnUsage.of(project(union, 1)).readColumns(underUnion)).isNull();

        // A semi join outputs its left side only; the inner join under its left input gets no pruning either.
        HashJoinNode inner = join(new ValuesNode(FACT, List.of()), new ValuesNode(DIM, List.of()), 0, 0, Optional.empty());
        HashJoinNode semi = new HashJoinNode(JoinType.SEMI, inner, new ValuesNode(REGION, List.of()), new int[] {5},
                new int[] {0}, Optional.empty(), false, inner.output(), 10);
        JoinColumnUsage usage = JoinColumnUsage.of(project(semi, 1));
        assertThat(usage.readColumns(semi)).isNull();
        assertThat(usage.readColumns(inner)).isNull();
    }

    @Test
    void aJoinNodeReachedTwiceReadsEveryColumn() {
        HashJoinNode shared = join(new ValuesNode(FACT, List.of()), new ValuesNode(DIM, List.of()), 0, 0, Optional.empty());
        HashJoinNode self = join(project(shared, 1), project(shared, 4), 0, 0, Optional.empty());
        assertThat(JoinColumnUsage.of(project(self, 0)).readColumns(shared)).isNull();
    }

    /**
     * A chain of joins whose key columns nobody reads: the joins put zeros in their place, and the answer is the
     * same as with every column gathered (the residual and the filter read columns the projection drops).
     */
    @Test
    void aChainOfJoinsGivesTheSameRowsWithoutGatheringUnreadColumns() {
        List<List<Object>> facts = new ArrayList<>();
        for (long i = 0; i < 5_000; i++) {
            facts.add(row(i % 40 == 7 ? null : i % 40, i * 3, i % 3 != 0));
        }
        List<List<Object>> dims = new ArrayList<>();
        for (long key = 0; key < 35; key++) {
            dims.add(row(key, key % 5 == 0 ? null : "name" + key, key % 4));
        }
        List<List<Object>> regions = List.of(row(0L, 0.5), row(1L, 1.5), row(3L, null));
        HashJoinNode lower = join(Plans.valuesInParts(FACT, facts, 700), Plans.valuesInParts(DIM, dims, 9), 0, 0,
                Optional.empty());
        // Residual: f_flag (column 2) must hold.
        HashJoinNode upper = join(lower, Plans.valuesInParts(REGION, regions, 2), 5, 0,
                Optional.of(new ColumnReference(2, LogicalType.BOOLEAN)));
        ProjectNode plan = project(upper, 1, 4, 7);

        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> fact : facts) {
            for (List<Object> dim : dims) {
                for (List<Object> region : regions) {
                    if (fact.get(0) != null && fact.get(0).equals(dim.get(0)) && dim.get(2).equals(region.get(0))
                            && Boolean.TRUE.equals(fact.get(2))) {
                        expected.add(row(fact.get(1), dim.get(1), region.get(1)));
                    }
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(1_000);
        for (int parallelism : new int[] {1, 3}) {
            List<List<Object>> rows = Results.collect(QueryExecutor.execute(plan, database.context(parallelism)));
            assertThat(Results.sorted(rows)).as("parallelism %d", parallelism).isEqualTo(Results.sorted(expected));
        }
    }
}
