package io.basalt.execution.scan;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScanJoinFilterTest {

    private static ScanJoinFilter filter(int column) {
        return new ScanJoinFilter(column, () -> null);
    }

    /** The order of filters that all cost the same per row: by the share of rows they keep. */
    private static int[] order(ScanJoinFilter... filters) {
        double[] costs = new double[filters.length];
        java.util.Arrays.fill(costs, FilterCosts.BITMAP);
        return order(costs, filters);
    }

    private static int[] order(double[] costs, ScanJoinFilter... filters) {
        int[] order = new int[filters.length];
        ScanJoinFilter.orderByRank(List.of(filters), costs, order, new double[filters.length]);
        return order;
    }

    @Test
    void aCheaperTestRunsFirstWhenItRemovesAsManyRows() {
        // TPC-H Q7's lineitem: a bitmap of suppliers and a test of the run-length order keys once a run, 8 % kept each.
        ScanJoinFilter suppliers = filter(0);
        ScanJoinFilter orders = filter(1);
        suppliers.record(100_000, 8_000);
        orders.record(100_000, 8_500);
        double[] costs = {FilterCosts.BITMAP, FilterCosts.BITMAP * FilterCosts.PER_RUN};
        assertThat(order(costs, suppliers, orders)).containsExactly(1, 0);
        assertThat(order(suppliers, orders)).containsExactly(0, 1);
    }

    @Test
    void untestedFiltersKeepTheirListOrder() {
        assertThat(order(filter(0), filter(1), filter(2))).containsExactly(0, 1, 2);
    }

    @Test
    void theFilterKeepingTheFewestRowsRunsFirst() {
        ScanJoinFilter suppliers = filter(0);
        ScanJoinFilter orders = filter(1);
        ScanJoinFilter parts = filter(2);
        suppliers.record(65_536, 13_000); // a fifth kept
        orders.record(13_000, 400); // 3 %, tested only on what the first kept
        parts.record(400, 380);
        assertThat(order(suppliers, orders, parts)).containsExactly(1, 0, 2);
    }

    @Test
    void aFilterNotYetTestedCountsAsKeepingHalf() {
        ScanJoinFilter selective = filter(0);
        ScanJoinFilter untested = filter(1);
        ScanJoinFilter loose = filter(2);
        selective.record(10_000, 100);
        loose.record(10_000, 9_000);
        assertThat(order(loose, untested, selective)).containsExactly(2, 1, 0);
        assertThat(untested.keptShare()).isEqualTo(0.5);
    }

    @Test
    void aFilterKeepingMostRowsIsDroppedAfterItsTrial() {
        KeyMembershipFilter keys = KeyMembershipFilter.of(new long[] {1, 2, 3}, 3);
        ScanJoinFilter loose = new ScanJoinFilter(0, () -> keys);
        loose.record(100_000, 60_000);
        assertThat(loose.current()).isSameAs(keys); // keeps 60 %: on trial until TRIAL_ROWS
        loose.record(100_000, 60_000);
        assertThat(loose.current()).isNull();

        ScanJoinFilter selective = new ScanJoinFilter(0, () -> keys);
        selective.record(1_000_000, 400_000);
        assertThat(selective.current()).isSameAs(keys);
    }

    @Test
    void aFilterKeepingNearlyEveryRowIsDroppedSooner() {
        KeyMembershipFilter keys = KeyMembershipFilter.of(new long[] {1, 2, 3}, 3);
        ScanJoinFilter useless = new ScanJoinFilter(0, () -> keys);
        useless.record(10_000, 9_990);
        assertThat(useless.current()).isSameAs(keys);
        useless.record(10_000, 9_990); // 20,000 tested, 99.9 % kept
        assertThat(useless.current()).isNull();
    }
}
