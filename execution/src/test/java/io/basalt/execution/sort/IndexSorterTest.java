package io.basalt.execution.sort;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IndexSorterTest {

    @Test
    void sortsIndexesByTheirValuesStably() {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 2, 23, 24, 25, 100, 1_000, 100_000}) {
            int[] values = new int[size];
            for (int i = 0; i < size; i++) {
                values[i] = random.nextInt(Math.max(1, size / 3));
            }
            int[] indexes = new int[size];
            for (int i = 0; i < size; i++) {
                indexes[i] = i;
            }
            IndexSorter.sort(indexes, size, (a, b) -> Integer.compare(values[a], values[b]));

            Integer[] expected = new Integer[size];
            for (int i = 0; i < size; i++) {
                expected[i] = i;
            }
            Arrays.sort(expected, (a, b) -> Integer.compare(values[a], values[b])); // stable
            assertThat(indexes).as("size %d", size).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
    }
}
