package io.basalt.execution.scan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilterCostsTest {

    private static final KeyMembershipFilter BITMAP = KeyMembershipFilter.of(new long[] {1, 2, 3}, 3);
    private static final KeyMembershipFilter BLOOM = KeyMembershipFilter.of(new long[] {1, 1L << 40}, 2);

    @Test
    void theFormsOfJoinFilterCostWhatTheirTestsDo() {
        assertThat(BITMAP).isInstanceOf(KeyBitmapFilter.class);
        assertThat(BLOOM).isInstanceOf(BloomKeyFilter.class);
        assertThat(FilterCosts.joinFilter(BITMAP, false)).isEqualTo(FilterCosts.BITMAP);
        assertThat(FilterCosts.joinFilter(BLOOM, false)).isEqualTo(FilterCosts.BLOOM);
        assertThat(FilterCosts.joinFilter(BITMAP, true)).isLessThan(FilterCosts.RANGE); // once per run of keys
    }

    @Test
    void aCheapRangeKeepingAThirdRanksBeforeABitmapKeepingATwelfth() {
        // TPC-H Q7's lineitem: l_shipdate in two years (30 % kept), the French and German suppliers' bitmap (8 %).
        double range = FilterCosts.rank(FilterCosts.RANGE, 0.30);
        double suppliers = FilterCosts.rank(FilterCosts.joinFilter(BITMAP, false), 0.08);
        assertThat(range).isLessThan(suppliers);
    }

    @Test
    void aBitmapOnRunsRanksBeforeALooseRange() {
        // TPC-H Q3's lineitem: l_shipdate after a day (54 % kept), the orders' bitmap on l_orderkey's runs (10 %).
        double range = FilterCosts.rank(FilterCosts.RANGE, 0.54);
        double orders = FilterCosts.rank(FilterCosts.joinFilter(BITMAP, true), 0.10);
        assertThat(orders).isLessThan(range);
    }

    @Test
    void aFilterRemovingNothingRanksLast() {
        assertThat(FilterCosts.rank(FilterCosts.RANGE, 1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FilterCosts.rank(FilterCosts.RANGE, 0.5)).isEqualTo(2.0);
    }
}
