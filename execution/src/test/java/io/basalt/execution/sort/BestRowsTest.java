package io.basalt.execution.sort;

import io.basalt.execution.plan.SortKey;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The best rows of a batch are the first {@code keep} of its stable sort, returned in input order. */
class BestRowsTest {

    @Test
    void agreesWithTheStableSortOfTheWholeBatchTiesAndNullsIncluded() {
        Random random = new Random(3);
        // Descending by a LONG with NULLs first and many ties, then ascending by text: ties on both remain.
        RowComparator comparator = new RowComparator(List.of(new SortKey(0, false, true), new SortKey(1, true, false)),
                List.of(PhysicalKind.LONG, PhysicalKind.BYTES));
        for (int count : new int[] {0, 1, 5, 20, 21, 100, 5_000}) {
            LongVector numbers = new LongVector(count);
            BytesVector texts = new BytesVector(count, count * 2);
            for (int row = 0; row < count; row++) {
                if (random.nextInt(10) == 0) {
                    numbers.appendNull();
                } else {
                    numbers.append(random.nextInt(30));
                }
                texts.append(String.valueOf((char) ('a' + random.nextInt(3))));
            }
            ColumnVector[] columns = {numbers, texts};
            for (int keep : new int[] {0, 1, 7, 20, 64}) {
                int[] sorted = SortedRun.order(columns, count, comparator);
                int[] expected = Arrays.copyOf(sorted, Math.min(keep, count));
                Arrays.sort(expected);

                assertThat(BestRows.of(columns, count, comparator, keep)).as("%d rows, keep %d", count, keep)
                        .containsExactly(expected);
            }
        }
    }
}
