package io.basalt.execution.hash;

import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DictionaryView;
import io.basalt.storage.vector.VectorBuffers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ShortTextGroupTableTest {

    private final MemoryBudget budget = new MemoryBudget(1L << 30);

    private static int[] range(int from, int to) {
        int[] positions = new int[to - from];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = from + i;
        }
        return positions;
    }

    private static void append(BytesVector vector, String value) {
        if (value == null) {
            vector.appendNull();
        } else {
            vector.append(value);
        }
    }

    /**
     * Batches of short keys (packed), batches with a key too long to pack (the generic table) and keys that
     * pack to neighbouring bit patterns ("" + "ab" against "a" + "b", NULL against "") all get the ids a map
     * of the keys would give, whichever path a batch took.
     */
    @Test
    void mixedShortAndLongKeysGetDenseIdsInOrderOfAppearance() {
        Random random = new Random(3);
        String[] firsts = {"", "a", "ab", "A", "R", "N", null, "abcdefg"};
        String[] seconds = {"", "b", "F", "O", null, "x"};
        int batch = 1000;
        int batches = 6;
        int rows = batch * batches;
        BytesVector first = new BytesVector(rows, rows * 8);
        BytesVector second = new BytesVector(rows, rows * 8);
        List<List<String>> keys = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            // batch 2 has one key of eight bytes, which cannot be packed
            String a = i == 2 * batch + 17 ? "abcdefgh" : firsts[random.nextInt(firsts.length)];
            String b = seconds[random.nextInt(seconds.length)];
            append(first, a);
            append(second, b);
            keys.add(Arrays.asList(a, b));
        }
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.create(List.of(PhysicalKind.BYTES, PhysicalKind.BYTES), 16, memory);
        assertThat(table).isInstanceOf(ShortTextGroupTable.class);
        ColumnVector[] columns = {first, second};
        int[] ids = new int[rows];
        for (int b = 0; b < batches; b++) {
            int[] out = new int[batch];
            table.findOrInsert(columns, range(b * batch, (b + 1) * batch), batch, out);
            System.arraycopy(out, 0, ids, b * batch, batch);
        }

        Map<List<String>, Integer> expected = new HashMap<>();
        int[] expectedIds = new int[rows];
        for (int i = 0; i < rows; i++) {
            expectedIds[i] = expected.computeIfAbsent(keys.get(i), k -> expected.size());
        }
        assertThat(ids).isEqualTo(expectedIds);
        assertThat(table.groupCount()).isEqualTo(expected.size());
        ColumnVector[] stored = table.keys();
        for (Map.Entry<List<String>, Integer> entry : expected.entrySet()) {
            int group = entry.getValue();
            for (int c = 0; c < 2; c++) {
                String value = entry.getKey().get(c);
                BytesVector column = (BytesVector) stored[c];
                assertThat(column.isNull(group)).isEqualTo(value == null);
                if (value != null) {
                    assertThat(column.getString(group)).isEqualTo(value);
                }
            }
        }
        table.release();
        assertThat(memory.heldBytes()).isZero();
    }

    private static BytesVector dictionary(String... entries) {
        BytesVector vector = new BytesVector(entries.length, 16);
        for (String entry : entries) {
            vector.append(entry);
        }
        return vector;
    }

    /** Rows gathered from {@code entries} by {@code codes} (-1 = NULL), as a scan of a dictionary block hands them on. */
    private static BytesVector gathered(BytesVector entries, int[] codes) {
        BytesVector vector = new DictionaryView(entries, codes).rows();
        assertThat(vector.dictionary()).isNotNull();
        return vector;
    }

    /**
     * Keys gathered from dictionaries are found by their codes; batches from other dictionaries (other blocks, where
     * the same code means another value and the same value has another code), plain batches and NULLs in between all
     * get the ids a map of the keys gives.
     */
    @ParameterizedTest(name = "{0} key columns")
    @ValueSource(ints = {1, 2, 3})
    void dictionaryCodedKeysGetTheSameIdsAcrossBlocksWithOtherDictionaries(int columnCount) {
        Random random = new Random(11);
        BytesVector[][] blocks = {
            {dictionary("A", "N", "R"), dictionary("F", "O"), dictionary("x", "yy")},
            {dictionary("N", "R"), dictionary("O", "F"), dictionary("yy")},
            {dictionary("A", "N", "R"), dictionary("F", "O"), dictionary("x", "yy")},
            {dictionary("R", "Z"), dictionary("F"), dictionary("x", "z")},
        };
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.create(Collections.nCopies(columnCount, PhysicalKind.BYTES), 16, memory);
        Map<List<String>, Integer> expected = new HashMap<>();
        int batch = 500;
        for (int round = 0; round < 3; round++) {
            for (int b = 0; b <= blocks.length; b++) {
                // the last batch of a round is not dictionary-coded: plain vectors with the same values
                BytesVector[] block = blocks[b % blocks.length];
                int[][] codes = new int[columnCount][batch];
                List<List<String>> keys = new ArrayList<>();
                for (int row = 0; row < batch; row++) {
                    List<String> key = new ArrayList<>();
                    for (int c = 0; c < columnCount; c++) {
                        int code = random.nextInt(block[c].positionCount() + 1) - 1;
                        codes[c][row] = code;
                        key.add(code < 0 ? null : block[c].getString(code));
                    }
                    keys.add(key);
                }
                ColumnVector[] columns = new ColumnVector[columnCount];
                for (int c = 0; c < columnCount; c++) {
                    if (b < blocks.length) {
                        columns[c] = gathered(block[c], codes[c]);
                    } else {
                        BytesVector plain = new BytesVector(batch, batch);
                        for (List<String> key : keys) {
                            append(plain, key.get(c));
                        }
                        columns[c] = plain;
                    }
                }
                // every other row only, so positions and rows differ
                int[] positions = new int[batch / 2];
                for (int i = 0; i < positions.length; i++) {
                    positions[i] = 2 * i + 1;
                }
                int[] ids = new int[positions.length];
                table.findOrInsert(columns, positions, positions.length, ids);
                for (int i = 0; i < positions.length; i++) {
                    int id = expected.computeIfAbsent(keys.get(positions[i]), k -> expected.size());
                    assertThat(ids[i]).as("row %d of batch %d", positions[i], b).isEqualTo(id);
                }
                int[] found = new int[batch];
                table.find(columns, range(0, batch), batch, found);
                for (int row = 0; row < batch; row++) {
                    assertThat(found[row]).isEqualTo(expected.getOrDefault(keys.get(row), -1));
                }
            }
        }
        assertThat(table.groupCount()).isEqualTo(expected.size());
        table.release();
        assertThat(memory.heldBytes()).isZero();
    }

    /**
     * One-byte keys of blocks without NULLs (TPC-H Q1's flags) are grouped by their codes without their bytes being
     * written, new combinations included; the table's keys hold the values.
     */
    @Test
    void deferredOneByteKeysAreGroupedWithoutWritingTheirBytes() {
        Random random = new Random(5);
        BytesVector[][] blocks = {
            {dictionary("A", "N", "R"), dictionary("F", "O")},
            {dictionary("N", "R"), dictionary("O")},
        };
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.create(List.of(PhysicalKind.BYTES, PhysicalKind.BYTES), 16, memory);
        Map<List<String>, Integer> expected = new HashMap<>();
        int batch = 300;
        for (int b = 0; b < 4; b++) {
            BytesVector[] block = blocks[b % blocks.length];
            ColumnVector[] columns = new ColumnVector[2];
            int[][] codes = new int[2][batch];
            for (int c = 0; c < 2; c++) {
                for (int row = 0; row < batch; row++) {
                    codes[c][row] = random.nextInt(block[c].positionCount());
                }
                columns[c] = BytesVector.fromCodesWithoutNulls(block[c], codes[c].clone(), batch, VectorBuffers.NEW);
            }
            int[] positions = range(1, batch);
            int[] ids = new int[positions.length];
            table.findOrInsert(columns, positions, positions.length, ids);
            for (int i = 0; i < positions.length; i++) {
                int row = positions[i];
                List<String> key = List.of(block[0].getString(codes[0][row]), block[1].getString(codes[1][row]));
                assertThat(ids[i]).isEqualTo(expected.computeIfAbsent(key, k -> expected.size()));
            }
            assertThat(((BytesVector) columns[0]).defersBytes()).isTrue();
            assertThat(((BytesVector) columns[1]).defersBytes()).isTrue();
        }
        ColumnVector[] keys = table.keys();
        for (Map.Entry<List<String>, Integer> entry : expected.entrySet()) {
            int group = entry.getValue();
            assertThat(List.of(((BytesVector) keys[0]).getString(group), ((BytesVector) keys[1]).getString(group)))
                    .isEqualTo(entry.getKey());
        }
        table.release();
    }

    @Test
    void appendingToAGatheredVectorDropsItsDictionary() {
        BytesVector vector = gathered(dictionary("x", "y"), new int[] {1, 0, -1});
        assertThat(vector.dictionary().codes()).containsExactly(1, 0, -1);
        vector.append("z");
        assertThat(vector.dictionary()).isNull();
        BytesVector partly = new BytesVector(4, 16);
        partly.append("w");
        partly.appendFromDictionary(dictionary("x"), new int[] {0}, 0, null, 1);
        assertThat(partly.dictionary()).isNull();
    }

    @Test
    void findReportsMissingKeysWithoutAddingThem() {
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.create(List.of(PhysicalKind.BYTES), 16, memory);
        BytesVector build = new BytesVector(3, 16);
        append(build, "MAIL");
        append(build, "SHIP");
        append(build, null);
        table.findOrInsert(new ColumnVector[] {build}, range(0, 3), 3, new int[3]);

        BytesVector probe = new BytesVector(5, 64);
        append(probe, "SHIP");
        append(probe, "TRUCK");
        append(probe, null);
        append(probe, "MAIL");
        append(probe, "SHIP");
        int[] found = new int[5];
        table.find(new ColumnVector[] {probe}, range(0, 5), 5, found);
        assertThat(found).containsExactly(1, -1, 2, 0, 1);

        BytesVector longProbe = new BytesVector(2, 64);
        append(longProbe, "MAIL");
        append(longProbe, "a much longer value");
        table.find(new ColumnVector[] {longProbe}, range(0, 2), 2, found);
        assertThat(found[0]).isZero();
        assertThat(found[1]).isEqualTo(-1);
        assertThat(table.groupCount()).isEqualTo(3);
        table.release();
    }

    /**
     * A hash join's workers probe one build table at once: {@code find} must not share scratch state between them
     * (it packed every batch into one array and looked misses up through one one-row array, so a probe could read
     * another's keys: wrong rows joined, or an index out of bounds).
     */
    @Test
    void threadsProbingOneTableAtOnceEachGetTheirOwnKeysGroups() throws Exception {
        MemoryReservation memory = new MemoryReservation(budget, "test");
        GroupTable table = GroupTables.create(List.of(PhysicalKind.BYTES), 16, memory);
        int distinct = 200;
        BytesVector build = new BytesVector(distinct, distinct * 8);
        for (int k = 0; k < distinct; k++) {
            append(build, "k" + k);
        }
        int[] buildGroups = new int[distinct];
        table.findOrInsert(new ColumnVector[] {build}, range(0, distinct), distinct, buildGroups);

        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Random random = new Random(t);
            threads.add(new Thread(() -> {
                try {
                    for (int round = 0; round < 3000; round++) {
                        int rows = 1 + random.nextInt(300);
                        BytesVector probe = new BytesVector(rows, rows * 8);
                        int[] expected = new int[rows];
                        for (int i = 0; i < rows; i++) {
                            int k = random.nextInt(distinct * 2); // half of them absent
                            append(probe, "k" + k);
                            expected[i] = k < distinct ? buildGroups[k] : -1;
                        }
                        int[] found = new int[rows];
                        table.find(new ColumnVector[] {probe}, range(0, rows), rows, found);
                        assertThat(found).containsExactly(expected);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        assertThat(table.groupCount()).isEqualTo(distinct);
        table.release();
    }

    @Test
    void packingKeepsDifferentKeysApart() {
        BytesVector first = new BytesVector(4, 16);
        BytesVector second = new BytesVector(4, 16);
        String[][] pairs = {{"", "ab"}, {"a", "b"}, {null, ""}, {"", null}};
        for (String[] pair : pairs) {
            append(first, pair[0]);
            append(second, pair[1]);
        }
        ColumnVector[] columns = {first, second};
        long[] packed = new long[pairs.length];
        for (int row = 0; row < pairs.length; row++) {
            packed[row] = ShortTextGroupTable.pack(columns, row);
        }
        assertThat(Arrays.stream(packed).distinct().count()).isEqualTo(pairs.length);
        assertThat(Arrays.stream(packed).allMatch(key -> key >= 0)).isTrue();
    }
}
