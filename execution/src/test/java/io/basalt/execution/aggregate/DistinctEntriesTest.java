package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctEntriesTest {

    private static final List<PhysicalKind> KINDS = List.of(PhysicalKind.LONG, PhysicalKind.BYTES);
    private static final int BATCH = 1_000;

    private final MemoryBudget budget = new MemoryBudget(1L << 30);

    /**
     * Offers {@code rows} entries (group {@code value(i) % 7}, text of {@code value(i)}) in batches of {@link #BATCH}, every
     * other row of each batch: the rows a FILTER or NULL arguments leave.
     */
    private static List<String> offer(DistinctEntries entries, int rows, LongUnaryOperator valueOf) {
        List<String> offered = new ArrayList<>();
        for (int start = 0; start < rows; start += BATCH) {
            LongVector groups = new LongVector(2 * BATCH);
            BytesVector texts = new BytesVector(2 * BATCH, 16 * BATCH);
            int[] kept = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                long value = valueOf.applyAsLong(start + i);
                long group = value % 7;
                String text = "v" + value;
                groups.append(-1);
                texts.append("left out");
                groups.append(group);
                texts.append(text);
                kept[i] = 2 * i + 1;
                offered.add(group + "/" + text);
            }
            entries.add(new ColumnVector[] {groups, texts}, 2 * BATCH, kept, BATCH);
        }
        return offered;
    }

    private static List<String> held(DistinctEntries entries) {
        ColumnVector[] columns = entries.entries();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < entries.entryCount(); i++) {
            held.add(((LongVector) columns[0]).get(i) + "/" + ((BytesVector) columns[1]).getString(i));
        }
        return held;
    }

    @Test
    void entriesThatHardlyRepeatGoToAListWithoutLookups() {
        MemoryReservation memory = new MemoryReservation(budget, "test");
        DistinctEntries entries = new DistinctEntries(KINDS, 16, memory);
        int rows = 3 * DistinctEntries.SAMPLE_ENTRIES;
        // One value in 20 repeats an earlier one: too few for the set to pay.
        List<String> offered = offer(entries, rows, i -> i % 20 == 19 ? i / 2 : i);

        assertThat(entries.listed()).isTrue();
        List<String> held = held(entries);
        // Every offered entry is there; the ones offered after the switch are there as often as they were offered.
        assertThat(new HashSet<>(held)).isEqualTo(new HashSet<>(offered));
        assertThat(held.size()).isGreaterThan(new HashSet<>(offered).size()).isLessThanOrEqualTo(offered.size());
        entries.release();
        assertThat(memory.heldBytes()).isZero();
    }

    @Test
    void entriesThatRepeatStayInTheSetAndAreHeldOnce() {
        MemoryReservation memory = new MemoryReservation(budget, "test");
        DistinctEntries entries = new DistinctEntries(KINDS, 16, memory);
        // One value in 4 repeats: the set drops them, so it stays.
        List<String> offered = offer(entries, 3 * DistinctEntries.SAMPLE_ENTRIES, i -> i % 4 == 3 ? i - 3 : i);

        assertThat(entries.listed()).isFalse();
        List<String> held = held(entries);
        Set<String> distinct = new HashSet<>(offered);
        assertThat(held).hasSize(distinct.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(held)).isEqualTo(distinct);
        entries.release();
        assertThat(memory.heldBytes()).isZero();
    }
}
