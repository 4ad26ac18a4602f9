package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate over a key join whose dimension side it only groups by is computed below that join
 * (AggregateBelowKeyJoin), on TPC-H's catalog and SF 1 statistics; server's sqllogictest
 * {@code aggregate_below_key_join.test} checks rows.
 */
class AggregateBelowKeyJoinTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    private static String logicalPlan(String query) {
        return new QueryPlanner(TpchStatistics.SF1).plan(query, catalog, PlannerOptions.DEFAULTS).logicalPlanText();
    }

    @Test
    void tpchQ10SumsPerOrderCustomerBeforeJoiningCustomerAndNation() {
        String plan = logicalPlan(TpchQueries.text(10));
        // One aggregate, grouped by one column (o_custkey), with orders ⋈ lineitem below it and customer above.
        assertThat(plan).containsPattern("LogicalAggregate\\(group=\\[\\{\\d+\\}\\], revenue=\\[SUM")
                .doesNotContain("ANY_VALUE");
        String aggregateAndBelow = plan.substring(plan.indexOf("LogicalAggregate"));
        assertThat(aggregateAndBelow).contains("orders").contains("lineitem").doesNotContain("customer");
    }

    @Test
    void tpchQ9SumsPerSupplierNationAndYearBeforeJoiningNationThenGroupsByItsName() {
        String plan = logicalPlan(TpchQueries.text(9));
        // Two aggregates: per n_name and year above the nation join, per s_nationkey and year below it.
        assertThat(plan.split("LogicalAggregate", -1)).hasSize(3);
        String below = plan.substring(plan.indexOf("LogicalAggregate", plan.indexOf("LogicalAggregate") + 1));
        assertThat(below).contains("EXTRACT(FLAG(YEAR)").contains("lineitem").contains("supplier")
                .doesNotContain("[main, nation]");
    }

    @Test
    void aGroupingWithManyValuesBelowIsNotRegrouped() {
        // Grouped by the nation's name and the order date: below the nation join, per c_nationkey and date, the
        // groups would be 25 × 2,406 for 6 million rows (not a thousandth), so the aggregate stays where it is.
        String plan = logicalPlan("SELECT n_name, o_orderdate, sum(l_quantity) FROM nation, customer, orders, lineitem"
                + " WHERE n_nationkey = c_nationkey AND c_custkey = o_custkey AND o_orderkey = l_orderkey"
                + " GROUP BY n_name, o_orderdate");
        assertThat(plan.split("LogicalAggregate", -1)).hasSize(2);
    }

    @Test
    void aFilteredDimensionSideIsJoinedFirst() {
        // TPC-H Q3: customers of one segment and orders before a date keep a tenth of the order keys lineitem has;
        // aggregating lineitem by order key first would sum rows the join then drops.
        String plan = logicalPlan(TpchQueries.text(3));
        String aggregateAndBelow = plan.substring(plan.indexOf("LogicalAggregate"));
        assertThat(aggregateAndBelow).contains("customer").contains("orders").contains("lineitem");
    }

    @Test
    void anAggregateOverTheDimensionSideOrWithoutItsKeyStaysAbove() {
        String summingCustomers = logicalPlan("SELECT c_custkey, c_name, sum(l_quantity * c_acctbal) FROM customer, orders,"
                + " lineitem WHERE c_custkey = o_custkey AND o_orderkey = l_orderkey GROUP BY c_custkey, c_name");
        assertThat(summingCustomers.substring(summingCustomers.indexOf("LogicalAggregate"))).contains("customer");
        String withoutKey = logicalPlan("SELECT c_mktsegment, sum(l_quantity) FROM customer, orders, lineitem"
                + " WHERE c_custkey = o_custkey AND o_orderkey = l_orderkey GROUP BY c_mktsegment");
        assertThat(withoutKey.substring(withoutKey.indexOf("LogicalAggregate"))).contains("customer");
    }
}
