package io.basalt.execution.vector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionTest {

    @Test
    void composeMapsRowsChosenAmongChosenRowsBackToTheBatch() {
        int[] positions = {3, 5, 8, 13, 21};
        int[] selected = {0, 2, 4};
        int[] out = new int[3];
        Selection.compose(positions, selected, 3, out);
        assertThat(out).containsExactly(3, 8, 21);
    }

    @Test
    void composeMayWriteOverTheSelectionOrTheChosenRows() {
        int[] positions = {3, 5, 8, 13, 21};
        int[] selected = {1, 3, 4};
        Selection.compose(positions, selected, 3, selected);
        assertThat(selected).containsExactly(5, 13, 21);

        int[] chosen = {3, 5, 8, 13, 21};
        Selection.compose(chosen, new int[] {0, 3, 4}, 3, chosen);
        assertThat(chosen).startsWith(3, 13, 21);
    }

    @Test
    void composeWithoutChosenRowsCopiesTheSelection() {
        int[] selected = {2, 7, 9};
        int[] out = {-1, -1, -1, -1};
        Selection.compose(null, selected, 3, out);
        assertThat(out).containsExactly(2, 7, 9, -1);
        Selection.compose(null, selected, 2, selected);
        assertThat(selected).containsExactly(2, 7, 9);
    }
}
