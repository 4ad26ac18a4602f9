package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.NestedLoopJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.LongUnaryOperator;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

class JoinTest {

    private static final List<Column> LEFT = List.of(Plans.column("lk", LogicalType.BIGINT),
            Plans.column("ls", LogicalType.TEXT), Plans.column("lflag", LogicalType.BOOLEAN));
    private static final List<Column> RIGHT = List.of(Plans.column("rk", LogicalType.BIGINT),
            Plans.column("rs", LogicalType.TEXT), Plans.column("rflag", LogicalType.BOOLEAN));

    private static final List<List<Object>> LEFT_ROWS = List.of(
            row(1L, "a", true), row(2L, "b", false), row(2L, "b2", true), row(null, "n", true), row(5L, "e", null),
            row(7L, null, true), row(8L, "h", false));
    private static final List<List<Object>> RIGHT_ROWS = List.of(
            row(2L, "x", true), row(2L, "b", false), row(3L, "z", true), row(null, "w", true), row(5L, "e", null),
            row(7L, "q", true), row(7L, null, true), row(9L, "h", false));

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

    /** Values split into several nodes under a UNION, so that the input arrives as several morsels. */
    private static PhysicalNode input(List<Column> columns, List<List<Object>> rows) {
        return Plans.valuesInParts(columns, rows, 2);
    }

    private List<List<Object>> run(PhysicalNode plan, int parallelism) {
        return Results.collect(QueryExecutor.execute(plan, database.context(parallelism)));
    }

    private static List<Column> output(JoinType type, List<Column> left, List<Column> right) {
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            return right;
        }
        return type == JoinType.SEMI || type == JoinType.ANTI ? left : Plans.concat(left, right);
    }

    private void checkHashJoin(JoinType type, List<List<Object>> left, List<List<Object>> right, int[] leftKeys,
                               int[] rightKeys, boolean residual, boolean notIn) {
        Optional<Expression> condition = residual
                ? Optional.of(new ColumnReference(LEFT.size() + 2, LogicalType.BOOLEAN)) : Optional.empty();
        HashJoinNode join = new HashJoinNode(type, input(LEFT, left), input(RIGHT, right), leftKeys, rightKeys, condition,
                notIn, output(type, LEFT, RIGHT), 10);
        BiPredicate<List<Object>, List<Object>> pairCondition = residual ? (l, r) -> Boolean.TRUE.equals(r.get(2)) : (l, r) -> true;
        List<List<Object>> expected = ReferenceJoin.join(type, left, right, leftKeys, rightKeys, pairCondition, notIn,
                LEFT.size(), RIGHT.size());
        for (int parallelism : new int[] {1, 4}) {
            assertThat(Results.sorted(run(join, parallelism)))
                    .as("%s join, residual %s, NOT IN %s, parallelism %d", type, residual, notIn, parallelism)
                    .isEqualTo(Results.sorted(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void hashJoinMatchesNonNullEqualKeysOnly(JoinType type) {
        checkHashJoin(type, LEFT_ROWS, RIGHT_ROWS, new int[] {0}, new int[] {0}, false, false);
        checkHashJoin(type, LEFT_ROWS, RIGHT_ROWS, new int[] {0}, new int[] {0}, true, false);
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void hashJoinOnTwoKeysOfDifferentTypes(JoinType type) {
        checkHashJoin(type, LEFT_ROWS, RIGHT_ROWS, new int[] {0, 1}, new int[] {0, 1}, false, false);
        checkHashJoin(type, LEFT_ROWS, RIGHT_ROWS, new int[] {1, 0}, new int[] {1, 0}, true, false);
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void hashJoinWithAnEmptySide(JoinType type) {
        checkHashJoin(type, LEFT_ROWS, List.of(), new int[] {0}, new int[] {0}, false, false);
        checkHashJoin(type, List.of(), RIGHT_ROWS, new int[] {0}, new int[] {0}, false, false);
        checkHashJoin(type, List.of(), List.of(), new int[] {0}, new int[] {0}, true, false);
    }

    /**
     * The tests above join keys that fill a narrow range (the build side's chains are indexed by key offset); keys
     * far apart, and at the ends of BIGINT's range, go through the hash table, with the same answers.
     */
    @ParameterizedTest
    @EnumSource(JoinType.class)
    void hashJoinOnSparseAndExtremeKeys(JoinType type) {
        for (LongUnaryOperator spread : List.<LongUnaryOperator>of(
                key -> key * 1_000_000_007L, key -> key == 2 ? Long.MIN_VALUE : key == 7 ? Long.MAX_VALUE : key)) {
            List<List<Object>> left = withKeys(LEFT_ROWS, spread);
            List<List<Object>> right = withKeys(RIGHT_ROWS, spread);
            checkHashJoin(type, left, right, new int[] {0}, new int[] {0}, false, false);
            checkHashJoin(type, left, right, new int[] {0}, new int[] {0}, true, false);
        }
    }

    private static List<List<Object>> withKeys(List<List<Object>> rows, LongUnaryOperator spread) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>(row);
            copy.set(0, row.get(0) == null ? null : spread.applyAsLong((Long) row.get(0)));
            out.add(copy);
        }
        return out;
    }

    @Test
    void notInFollowsSqlNullSemantics() {
        List<List<Object>> withoutNulls = RIGHT_ROWS.stream().filter(r -> r.get(0) != null).toList();
        // A NULL on the right: nothing is certainly NOT IN the list.
        checkHashJoin(JoinType.ANTI, LEFT_ROWS, RIGHT_ROWS, new int[] {0}, new int[] {0}, false, true);
        assertThat(run(notIn(LEFT_ROWS, RIGHT_ROWS, false), 2)).isEmpty();
        // No NULL on the right: a NULL on the left is unknown, and dropped.
        checkHashJoin(JoinType.ANTI, LEFT_ROWS, withoutNulls, new int[] {0}, new int[] {0}, false, true);
        assertThat(run(notIn(LEFT_ROWS, withoutNulls, false), 2))
                .containsExactlyInAnyOrder(row(1L, "a", true), row(8L, "h", false));
        // An empty list: everything is NOT IN it, NULL included.
        assertThat(run(notIn(LEFT_ROWS, List.of(), false), 2)).hasSize(LEFT_ROWS.size());
    }

    @Test
    void notInOverSeveralKeysAndWithAResidual() {
        checkHashJoin(JoinType.ANTI, LEFT_ROWS, RIGHT_ROWS, new int[] {0, 1}, new int[] {0, 1}, false, true);
        checkHashJoin(JoinType.ANTI, LEFT_ROWS, RIGHT_ROWS, new int[] {0, 1}, new int[] {0, 1}, true, true);
        checkHashJoin(JoinType.ANTI, LEFT_ROWS, RIGHT_ROWS, new int[] {0}, new int[] {0}, true, true);
        List<List<Object>> withoutNulls = RIGHT_ROWS.stream().filter(r -> r.get(0) != null && r.get(1) != null).toList();
        checkHashJoin(JoinType.ANTI, LEFT_ROWS, withoutNulls, new int[] {0, 1}, new int[] {0, 1}, false, true);
    }

    private static HashJoinNode notIn(List<List<Object>> left, List<List<Object>> right, boolean residual) {
        return new HashJoinNode(JoinType.ANTI, input(LEFT, left), input(RIGHT, right), new int[] {0}, new int[] {0},
                Optional.empty(), true, LEFT, 1);
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void nestedLoopJoinWithAndWithoutCondition(JoinType type) {
        for (boolean withCondition : new boolean[] {false, true}) {
            // The condition is the right row's flag combined with nothing else: TRUE pairs only.
            Optional<Expression> condition = withCondition
                    ? Optional.of(new ColumnReference(LEFT.size() + 2, LogicalType.BOOLEAN)) : Optional.empty();
            for (List<List<Object>> right : List.of(RIGHT_ROWS, List.<List<Object>>of())) {
                NestedLoopJoinNode join = new NestedLoopJoinNode(type, input(LEFT, LEFT_ROWS), input(RIGHT, right), condition,
                        output(type, LEFT, RIGHT), 10);
                List<List<Object>> expected = ReferenceJoin.join(type, LEFT_ROWS, right, new int[0], new int[0],
                        withCondition ? (l, r) -> Boolean.TRUE.equals(r.get(2)) : (l, r) -> true, false, LEFT.size(), RIGHT.size());
                for (int parallelism : new int[] {1, 3}) {
                    assertThat(Results.sorted(run(join, parallelism)))
                            .as("%s, condition %s, right rows %d", type, withCondition, right.size())
                            .isEqualTo(Results.sorted(expected));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void largeTablesWithDuplicateAndNullKeys(JoinType type) {
        Random random = new Random(42 + type.ordinal());
        TestDatabase.Table facts = database.create("facts", 20_000,
                ColumnDefinition.of("key", LogicalType.BIGINT), ColumnDefinition.of("label", LogicalType.TEXT),
                ColumnDefinition.of("flag", LogicalType.BOOLEAN));
        TestDatabase.Table dimension = database.create("dimension", 1_000,
                ColumnDefinition.of("key", LogicalType.BIGINT), ColumnDefinition.of("label", LogicalType.TEXT),
                ColumnDefinition.of("flag", LogicalType.BOOLEAN));
        facts.append(randomRows(random, 30_000, 2_000));
        dimension.append(randomRows(random, 2_500, 2_600));
        facts.delete(row -> row.get(1) != null && ((String) row.get(1)).endsWith("7"));

        for (boolean residual : new boolean[] {false, true}) {
            Optional<Expression> condition = residual ? Optional.of(new ColumnReference(5, LogicalType.BOOLEAN)) : Optional.empty();
            HashJoinNode join = new HashJoinNode(type, facts.scan(0, 1, 2), dimension.scan(0, 1, 2), new int[] {0}, new int[] {0},
                    condition, false, output(type, facts.output(0, 1, 2), dimension.output(0, 1, 2)), 1000);
            List<List<Object>> expected = ReferenceJoin.join(type, facts.rows(), dimension.rows(), new int[] {0}, new int[] {0},
                    residual ? (l, r) -> Boolean.TRUE.equals(r.get(2)) : (l, r) -> true, false, 3, 3);
            List<List<Object>> sequential = run(join, 1);
            List<List<Object>> parallel = run(join, 4);
            assertThat(Results.sorted(parallel)).as("%s, residual %s", type, residual).isEqualTo(Results.sorted(expected));
            assertThat(Results.sorted(sequential)).isEqualTo(Results.sorted(parallel));
        }
    }

    /**
     * A build side with one row per key (a key/foreign-key join) is probed without following chains, and pairs are
     * added in runs: same answers for dense keys, spread keys (hash table of LONG keys) and two keys (generic table),
     * with NULL keys on both sides and probe batches of many rows.
     */
    @ParameterizedTest
    @EnumSource(JoinType.class)
    void buildSidesWithOneRowPerKey(JoinType type) {
        Random random = new Random(7 + type.ordinal());
        List<List<Object>> facts = randomRows(random, 30_000, 400);
        List<List<Object>> dimension = new ArrayList<>();
        for (long key = 0; key < 300; key++) {
            dimension.add(row(key, "label-" + random.nextInt(100), random.nextInt(10) == 0 ? null : random.nextBoolean()));
        }
        dimension.add(row(null, "label-1", true));
        Collections.shuffle(dimension, random);
        List<LongUnaryOperator> spreads = List.of(key -> key, key -> key * 1_000_000_007L);
        for (int s = 0; s < spreads.size(); s++) {
            TestDatabase.Table factTable = database.create("facts" + s, 20_000,
                    ColumnDefinition.of("key", LogicalType.BIGINT), ColumnDefinition.of("label", LogicalType.TEXT),
                    ColumnDefinition.of("flag", LogicalType.BOOLEAN));
            TestDatabase.Table dimensionTable = database.create("dimension" + s, 1_000,
                    ColumnDefinition.of("key", LogicalType.BIGINT), ColumnDefinition.of("label", LogicalType.TEXT),
                    ColumnDefinition.of("flag", LogicalType.BOOLEAN));
            factTable.append(withKeys(facts, spreads.get(s)));
            dimensionTable.append(withKeys(dimension, spreads.get(s)));
            for (int[] keys : new int[][] {{0}, {0, 1}}) {
                for (boolean residual : new boolean[] {false, true}) {
                    Optional<Expression> condition = residual
                            ? Optional.of(new ColumnReference(5, LogicalType.BOOLEAN)) : Optional.empty();
                    HashJoinNode join = new HashJoinNode(type, factTable.scan(0, 1, 2), dimensionTable.scan(0, 1, 2),
                            keys, keys, condition, false,
                            output(type, factTable.output(0, 1, 2), dimensionTable.output(0, 1, 2)), 1000);
                    List<List<Object>> expected = ReferenceJoin.join(type, factTable.rows(), dimensionTable.rows(), keys,
                            keys, residual ? (l, r) -> Boolean.TRUE.equals(r.get(2)) : (l, r) -> true, false, 3, 3);
                    for (int parallelism : new int[] {1, 4}) {
                        assertThat(Results.sorted(run(join, parallelism)))
                                .as("%s, spread %d, %d keys, residual %s, parallelism %d", type, s, keys.length, residual,
                                        parallelism)
                                .isEqualTo(Results.sorted(expected));
                    }
                }
            }
        }
    }

    private static List<List<Object>> randomRows(Random random, int rows, int keys) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = random.nextInt(20) == 0 ? null : (long) random.nextInt(keys);
            String label = random.nextInt(10) == 0 ? null : "label-" + random.nextInt(100);
            Boolean flag = random.nextInt(10) == 0 ? null : random.nextBoolean();
            out.add(row(key, label, flag));
        }
        return out;
    }
}
