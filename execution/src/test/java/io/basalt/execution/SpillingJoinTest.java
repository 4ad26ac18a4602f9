package io.basalt.execution;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.JoinType;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hash joins whose build side does not fit in the memory limit spill to disk and give exactly the rows of the
 * same join run in memory: every join type, keys of every physical kind, with NULL keys, duplicates and one
 * key far more frequent than the others (so that one partition is much larger and is split again).
 */
class SpillingJoinTest {

    /** Enough to hold the join's output batches, far too little for its build side. */
    private static final long TINY_MEMORY = 3L << 20;
    private static final int PROBE_ROWS = 10_000;
    private static final int BUILD_ROWS = 60_000;
    private static final int DISTINCT_KEYS = 20_000;

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

    /** A key type and how to make its value number {@code n}. */
    record KeyKind(LogicalType type, LongFunction<Object> value) {
        @Override
        public String toString() {
            return type.toString();
        }
    }

    static Stream<KeyKind> keyKinds() {
        return Stream.of(
                new KeyKind(LogicalType.BIGINT, n -> n * 7919),
                new KeyKind(LogicalType.TEXT, n -> "key-" + n + (n % 3 == 0 ? " with a longer tail to vary lengths" : "")),
                new KeyKind(LogicalType.decimal(12, 2), n -> n * 101 - 5000),
                new KeyKind(LogicalType.decimal(30, 4), n -> BigInteger.valueOf(n).shiftLeft(70).add(BigInteger.valueOf(n))),
                new KeyKind(LogicalType.DOUBLE, n -> n / 8.0));
    }

    private static List<Column> columns(String prefix, LogicalType keyType) {
        return List.of(Plans.column(prefix + "k", keyType), Plans.column(prefix + "id", LogicalType.BIGINT),
                Plans.column(prefix + "flag", LogicalType.BOOLEAN), Plans.column(prefix + "s", LogicalType.TEXT));
    }

    /**
     * Rows with keys drawn from {@code distinct} values, 3 % NULL and {@code hotPerMille} ‰ one hot key; the flag
     * is NULL now and then (the residual reads it).
     */
    private static List<List<Object>> rows(KeyKind key, int count, int distinct, int hotPerMille, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int draw = random.nextInt(1000);
            Object k = draw < 30 ? null : key.value().apply(draw < 30 + hotPerMille ? 42 : random.nextInt(distinct));
            Boolean flag = random.nextInt(10) == 0 ? null : random.nextBoolean();
            rows.add(row(k, (long) i, flag, "row " + i));
        }
        return rows;
    }

    /** Values split into parts under a UNION: the input arrives as many small morsels. */
    private static PhysicalNode input(List<Column> columns, List<List<Object>> rows) {
        return Plans.valuesInParts(columns, rows, 500);
    }

    private HashJoinNode join(JoinType type, KeyKind key, List<List<Object>> left, List<List<Object>> right,
                              boolean residual, boolean notIn) {
        List<Column> leftColumns = columns("l", key.type());
        List<Column> rightColumns = columns("r", key.type());
        // The residual: the build row's flag is TRUE.
        Optional<Expression> condition = residual
                ? Optional.of(new ColumnReference(leftColumns.size() + 2, LogicalType.BOOLEAN)) : Optional.empty();
        List<Column> output = type == JoinType.SEMI || type == JoinType.ANTI ? leftColumns : Plans.concat(leftColumns, rightColumns);
        return new HashJoinNode(type, input(leftColumns, left), input(rightColumns, right), new int[] {0}, new int[] {0},
                condition, notIn, output, left.size());
    }

    private List<List<Object>> run(PhysicalNode plan, int parallelism, long memory) {
        return run(plan, database.context(parallelism, memory));
    }

    private static List<List<Object>> run(PhysicalNode plan, ExecutionContext context) {
        return Results.sorted(Results.collect(QueryExecutor.execute(plan, context)));
    }

    private void checkSpilledEqualsInMemory(HashJoinNode join, String description) {
        ExecutionContext inMemory = database.context(1, TestDatabase.DEFAULT_MEMORY);
        List<List<Object>> expected = run(join, inMemory);
        assertThat(inMemory.spillSpace().rowsSpilled()).isZero();
        for (int parallelism : new int[] {1, 3}) {
            ExecutionContext spilling = database.context(parallelism, TINY_MEMORY);
            assertThat(run(join, spilling)).as("%s, parallelism %d", description, parallelism).isEqualTo(expected);
            assertThat(spilling.spillSpace().rowsSpilled()).as("rows spilled").isGreaterThanOrEqualTo(BUILD_ROWS);
        }
    }

    @ParameterizedTest
    @MethodSource("keyKinds")
    void everyJoinTypeGivesTheInMemoryRows(KeyKind key) {
        List<List<Object>> left = rows(key, PROBE_ROWS, DISTINCT_KEYS, 1, 1);
        List<List<Object>> right = rows(key, BUILD_ROWS, DISTINCT_KEYS, 5, 2);
        for (JoinType type : JoinType.values()) {
            checkSpilledEqualsInMemory(join(type, key, left, right, false, false), type + " join on " + key);
        }
    }

    @ParameterizedTest
    @EnumSource(JoinType.class)
    void residualConditionsSeeEveryCandidatePair(JoinType type) {
        KeyKind key = keyKinds().findFirst().orElseThrow();
        List<List<Object>> left = rows(key, PROBE_ROWS, DISTINCT_KEYS, 1, 3);
        List<List<Object>> right = rows(key, BUILD_ROWS, DISTINCT_KEYS, 5, 4);
        checkSpilledEqualsInMemory(join(type, key, left, right, true, false), type + " join with a residual");
    }

    @Test
    void notInFollowsNullSemanticsWhenSpilled() {
        KeyKind key = keyKinds().skip(1).findFirst().orElseThrow();
        List<List<Object>> left = rows(key, PROBE_ROWS, DISTINCT_KEYS, 1, 5);
        List<List<Object>> right = rows(key, BUILD_ROWS, DISTINCT_KEYS, 5, 6);
        List<List<Object>> rightWithoutNulls = right.stream().filter(r -> r.get(0) != null).toList();
        checkSpilledEqualsInMemory(join(JoinType.ANTI, key, left, rightWithoutNulls, false, true), "NOT IN");
        HashJoinNode withNullInSet = join(JoinType.ANTI, key, left, right, false, true);
        assertThat(run(withNullInSet, 2, TINY_MEMORY)).isEmpty();
        checkSpilledEqualsInMemory(withNullInSet, "NOT IN a set holding NULL");
    }

    @Test
    void explainAnalyzeShowsWhatTheJoinSpilled() {
        KeyKind key = keyKinds().findFirst().orElseThrow();
        HashJoinNode join = join(JoinType.INNER, key, rows(key, 1_000, DISTINCT_KEYS, 1, 10),
                rows(key, BUILD_ROWS, DISTINCT_KEYS, 5, 11), false, false);
        String spilling = QueryExecutor.executeAnalyzed(join, database.context(2, TINY_MEMORY));
        // The first line is the join, the root of the plan.
        assertThat(spilling.lines().findFirst().orElseThrow()).containsPattern("spilled=[0-9.]+ [KM]?i?B \\([1-9][0-9]* rows\\)");
        String inMemory = QueryExecutor.executeAnalyzed(join, database.context(2, TestDatabase.DEFAULT_MEMORY));
        assertThat(inMemory).doesNotContain("spilled=");
    }

    @Test
    void notInOverACorrelatedSubqueryFailsLoudlyWhenItWouldSpill() {
        KeyKind key = keyKinds().findFirst().orElseThrow();
        HashJoinNode join = join(JoinType.ANTI, key, rows(key, 1_000, 500, 1, 7), rows(key, BUILD_ROWS, DISTINCT_KEYS, 5, 8), true, true);
        assertThatThrownBy(() -> run(join, 2, TINY_MEMORY))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"))
                .hasMessageContaining("NOT IN");
    }

    @Test
    void aKeyWithMoreRowsThanMemoryFailsWith53200() {
        KeyKind key = keyKinds().findFirst().orElseThrow();
        List<List<Object>> right = new ArrayList<>();
        for (long i = 0; i < BUILD_ROWS; i++) {
            right.add(row(i % 10 == 0 ? i : 5L, i, true, "same key " + i));
        }
        List<List<Object>> left = List.of(row(5L, 0L, true, "the key"), row(7L, 1L, false, "another key"));
        HashJoinNode join = join(JoinType.INNER, key, left, right, false, false);
        assertThatThrownBy(() -> run(join, 2, TINY_MEMORY))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("53200"))
                .hasMessageContaining("share one join key value");
    }
}
