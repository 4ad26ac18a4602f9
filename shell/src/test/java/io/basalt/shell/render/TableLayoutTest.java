package io.basalt.shell.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableLayoutTest {

    @Test
    void naturalWidthsWhenTheyFitOrThereIsNoLimit() {
        TableLayout layout = TableLayout.fit(new int[] {5, 30, 7}, new boolean[3], 100);
        assertThat(layout.columns()).containsExactly(0, 1, 2);
        assertThat(layout.widths()).containsExactly(5, 30, 7);
        assertThat(TableLayout.fit(new int[] {500, 500}, new boolean[2], 0).widths()).containsExactly(500, 500);
    }

    @Test
    void theWidestColumnsShrinkFirstAndTheResultFillsTheWidth() {
        TableLayout layout = TableLayout.fit(new int[] {5, 100, 60}, new boolean[3], 80);
        assertThat(layout.widths()[0]).isEqualTo(5);
        assertThat(layout.widths()[1]).isEqualTo(layout.widths()[2]);
        assertThat(layout.totalWidth()).isLessThanOrEqualTo(80).isGreaterThan(75);
        assertThat(layout.omitsColumns()).isFalse();
    }

    @Test
    void numbersKeepTheirWidth() {
        TableLayout layout = TableLayout.fit(new int[] {25, 100}, new boolean[] {true, false}, 50);
        assertThat(layout.widths()).containsExactly(25, 50 - 25 - TableLayout.SEPARATOR_WIDTH);
    }

    @Test
    void columnsAreLeftOutFromTheMiddleWhenEvenTheirMinimumsDoNotFit() {
        int[] natural = new int[12];
        java.util.Arrays.fill(natural, 20);
        TableLayout layout = TableLayout.fit(natural, new boolean[12], 60);
        assertThat(layout.omitsColumns()).isTrue();
        assertThat(layout.columns()[0]).isEqualTo(0);
        assertThat(layout.columns()[layout.columns().length - 1]).isEqualTo(11);
        assertThat(layout.columns()).contains(TableLayout.OMITTED);
        assertThat(layout.totalWidth()).isLessThanOrEqualTo(60);
        assertThat(layout.shownColumnCount()).isEqualTo(layout.columns().length - 1);
    }

    @Test
    void aSingleTooWideColumnIsCutNotOmitted() {
        TableLayout layout = TableLayout.fit(new int[] {300}, new boolean[1], 40);
        assertThat(layout.columns()).containsExactly(0);
        assertThat(layout.widths()).containsExactly(40);
    }
}
