package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GroupTableTest {

    private final MemoryBudget budget = new MemoryBudget(1L << 30);

    /** Group ids as a map would give them: dense, in order of first appearance. */
    private static int[] expectedIds(List<List<Object>> keys) {
        Map<List<Object>, Integer> ids = new HashMap<>();
        int[] out = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            out[i] = ids.computeIfAbsent(keys.get(i), k -> ids.size());
        }
        return out;
    }

    private static int[] all(int count) {
        int[] positions = new int[count];
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        return positions;
    }

    private static LongVector longKeys(Long... values) {
        LongVector vector = new LongVector(values.length);
        for (Long value : values) {
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }

    /** Inserts the batches one after the other; returns every row's group id, in order. */
    private static List<Integer> insert(GroupTable table, LongVector... batches) {
        List<Integer> ids = new ArrayList<>();
        for (LongVector batch : batches) {
            int[] out = new int[batch.positionCount()];
            table.findOrInsert(new ColumnVector[] {batch}, all(out.length), out.length, out);
            for (int id : out) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static int[] find(GroupTable table, Long... keys) {
        int[] out = new int[keys.length];
        table.find(new ColumnVector[] {longKeys(keys)}, all(keys.length), keys.length, out);
        return out;
    }

    @Test
    void anAggregationsLongTableKeepsIncreasingKeysSortedUntilOneComesOutOfOrder() {
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.createForGroups(List.of(PhysicalKind.LONG), 16, memory);
        // Increasing keys, with runs, across batches; more than the initial keys array holds.
        List<Long> increasing = new ArrayList<>();
        for (long key = -50; key < 200; key += 3) {
            increasing.add(key);
            increasing.add(key);
        }
        LongVector first = longKeys(increasing.subList(0, 100).toArray(Long[]::new));
        LongVector second = longKeys(increasing.subList(100, increasing.size()).toArray(Long[]::new));
        List<Integer> ids = insert(table, first, second);
        List<List<Object>> keys = new ArrayList<>();
        increasing.forEach(key -> keys.add(List.of(key)));
        assertThat(ids).containsExactly(java.util.Arrays.stream(expectedIds(keys)).boxed().toArray(Integer[]::new));
        assertThat(table.sortedKeys()).isNotNull();
        assertThat(java.util.Arrays.copyOf(table.sortedKeys(), table.groupCount())).isSorted().contains(-50L, 196L);
        assertThat(find(table, -50L, -49L, 196L, 197L, 10L)).containsExactly(0, -1, 82, -1, 20);

        // A key seen before, out of order, keeps the table sorted; a new one below the largest makes it hash.
        assertThat(insert(table, longKeys(-47L))).containsExactly(1);
        assertThat(table.sortedKeys()).isNotNull();
        assertThat(insert(table, longKeys(0L, -1L, 500L, -1L, 13L))).containsExactly(84, 85, 86, 85, 21);
        assertThat(table.sortedKeys()).isNull();
        assertThat(find(table, -50L, -1L, 500L, 501L, 13L)).containsExactly(0, 85, 86, -1, 21);
        LongVector stored = (LongVector) table.keys()[0];
        assertThat(stored.values()[85]).isEqualTo(-1L);
        table.release();
        assertThat(memory.heldBytes()).isZero();
    }

    @Test
    void aNullGroupAmongSortedKeysIsNotMistakenForAKey() {
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.createForGroups(List.of(PhysicalKind.LONG), 16, memory);
        List<Integer> ids = insert(table, longKeys(null, Long.MIN_VALUE, 5L, null, 7L, 7L, 9L));
        assertThat(ids).containsExactly(0, 1, 2, 0, 3, 3, 4);
        assertThat(table.sortedKeys()).isNull(); // a merge of sorted lists has no place for the NULL group
        assertThat(find(table, Long.MIN_VALUE, 5L, 6L, 9L, null)).containsExactly(1, 2, -1, 4, 0);

        GroupTable later = GroupTables.createForGroups(List.of(PhysicalKind.LONG), 16, memory);
        assertThat(insert(later, longKeys(3L, null, 4L, 3L))).containsExactly(0, 1, 2, 0);
        assertThat(find(later, 3L, 4L, null)).containsExactly(0, 2, 1);
        assertThat(insert(later, longKeys(1L, 3L, null))).containsExactly(3, 0, 1);
        assertThat(find(later, 1L, 3L, 4L, null)).containsExactly(3, 0, 2, 1);
        assertThat(((LongVector) later.keys()[0]).isNull(1)).isTrue();
        table.release();
        later.release();
        assertThat(memory.heldBytes()).isZero();
    }

    @Test
    void longKeysWithNullsGetDenseIdsInOrderOfAppearance() {
        Random random = new Random(1);
        int rows = 100_000;
        LongVector vector = new LongVector(rows);
        List<List<Object>> keys = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (random.nextInt(50) == 0) {
                vector.appendNull();
                keys.add(java.util.Collections.singletonList(null));
            } else {
                long value = (long) random.nextInt(30_000) << 20; // low bits all zero: a table indexing by low bits would collide
                vector.append(value);
                keys.add(List.of(value));
            }
        }
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.create(List.of(PhysicalKind.LONG), 16, memory);
        assertThat(table).isInstanceOf(LongGroupTable.class);

        int[] ids = new int[rows];
        table.findOrInsert(new ColumnVector[] {vector}, all(rows), rows, ids);

        assertThat(ids).isEqualTo(expectedIds(keys));
        assertThat(memory.heldBytes()).isPositive();
        ColumnVector[] stored = table.keys();
        List<Integer> wrongKeys = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean sameNull = stored[0].isNull(ids[i]) == vector.isNull(i);
            if (!sameNull || !vector.isNull(i) && ((LongVector) stored[0]).get(ids[i]) != vector.get(i)) {
                wrongKeys.add(i);
            }
        }
        assertThat(wrongKeys).isEmpty();
        LongVector probe = new LongVector(2);
        probe.append(-1);
        probe.append(vector.get(1) == 0 ? 7 : vector.get(1));
        int[] found = new int[2];
        table.find(new ColumnVector[] {probe}, all(2), 2, found);
        assertThat(found[0]).isEqualTo(-1);
        table.release();
        assertThat(memory.heldBytes()).isZero();
    }

    @Test
    void severalColumnsOfAnyKind() {
        Random random = new Random(2);
        int rows = 50_000;
        BytesVector names = new BytesVector(rows, rows * 4);
        DoubleVector numbers = new DoubleVector(rows);
        List<List<Object>> keys = new ArrayList<>();
        double[] specials = {0.0, -0.0, Double.NaN, 1.0};
        for (int i = 0; i < rows; i++) {
            String name = random.nextInt(30) == 0 ? null : "n" + random.nextInt(200);
            if (name == null) {
                names.appendNull();
            } else {
                names.append(name);
            }
            double number = random.nextInt(4) == 0 ? specials[random.nextInt(4)] : random.nextInt(50);
            numbers.append(number);
            // SQL groups -0.0 with 0.0 and NaN with NaN
            keys.add(java.util.Arrays.asList(name, number == 0.0 ? 0.0 : number));
        }
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.create(List.of(PhysicalKind.BYTES, PhysicalKind.DOUBLE), 16, memory);

        int[] ids = new int[rows];
        ColumnVector[] columns = {names, numbers};
        // in two calls, to probe and grow across batches
        int half = rows / 2;
        table.findOrInsert(columns, all(half), half, ids);
        int[] rest = new int[rows - half];
        int[] restPositions = new int[rows - half];
        for (int i = 0; i < restPositions.length; i++) {
            restPositions[i] = half + i;
        }
        table.findOrInsert(columns, restPositions, rest.length, rest);
        System.arraycopy(rest, 0, ids, half, rest.length);

        assertThat(ids).isEqualTo(expectedIds(keys));
        int[] again = new int[rows];
        table.find(columns, all(rows), rows, again);
        assertThat(again).isEqualTo(ids);
    }

    @Test
    void withoutKeysEveryRowIsOneGroup() {
        GroupTable table = GroupTables.create(List.of(), 1, new MemoryReservation(budget, "test"));
        int[] ids = {5, 5, 5};
        table.find(new ColumnVector[0], all(3), 3, ids);
        assertThat(ids).containsOnly(-1);
        table.findOrInsert(new ColumnVector[0], all(3), 3, ids);
        assertThat(ids).containsOnly(0);
        assertThat(table.groupCount()).isEqualTo(1);
    }
    @Test
    void runsOfOneLongKeyAcrossNullsAndBatches() {
        // Keys in runs, as a table stored in key order gives them, with NULLs inside a run and a run that
        // continues into the next batch.
        long[] values = {5, 5, 5, 9, 9, 0, 0, 5, 5};
        boolean[] nulls = {false, false, false, false, true, false, false, false, false};
        LongVector vector = new LongVector(values.length);
        List<List<Object>> keys = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (nulls[i]) {
                vector.appendNull();
                keys.add(java.util.Collections.singletonList(null));
            } else {
                vector.append(values[i]);
                keys.add(List.of(values[i]));
            }
        }
        GroupTable table = GroupTables.create(List.of(PhysicalKind.LONG), 16, new MemoryReservation(budget, "test"));
        int[] ids = new int[values.length];
        table.findOrInsert(new ColumnVector[] {vector}, all(5), 5, ids);
        int[] rest = new int[values.length - 5];
        table.findOrInsert(new ColumnVector[] {vector}, new int[] {5, 6, 7, 8}, 4, rest);
        System.arraycopy(rest, 0, ids, 5, rest.length);

        assertThat(ids).isEqualTo(expectedIds(keys)).containsExactly(0, 0, 0, 1, 2, 3, 3, 0, 0);

        LongVector probe = new LongVector(6);
        for (long value : new long[] {7, 7, 9, 9, 7, 0}) {
            probe.append(value);
        }
        int[] found = new int[6];
        table.find(new ColumnVector[] {probe}, all(6), 6, found);
        assertThat(found).containsExactly(-1, -1, 1, 1, -1, 3);
    }

    @Test
    void textKeysOfEveryLengthCompareByValue() {
        String[] values = {"A", "AB", "A", "", "a value longer than sixteen bytes", "a value longer than sixteen bytez",
                "a value longer than sixteen bytes", "AB", "B"};
        BytesVector vector = new BytesVector(values.length, 64);
        List<List<Object>> keys = new ArrayList<>();
        for (String value : values) {
            vector.append(value);
            keys.add(List.of(value));
        }
        GroupTable table = GroupTables.create(List.of(PhysicalKind.BYTES), 16, new MemoryReservation(budget, "test"));
        int[] ids = new int[values.length];
        table.findOrInsert(new ColumnVector[] {vector}, all(values.length), values.length, ids);

        assertThat(ids).isEqualTo(expectedIds(keys));
        assertThat(table.groupCount()).isEqualTo(6);
    }
}
