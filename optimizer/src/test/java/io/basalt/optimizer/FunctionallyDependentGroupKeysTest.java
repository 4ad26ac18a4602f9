package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grouping columns determined by a grouped table key are carried as ANY_VALUE (FunctionallyDependentGroupKeys), on
 * TPC-H's catalog: customer's key is c_custkey, orders' o_orderkey, nation's n_nationkey. The results stay the
 * same; server's sqllogictest {@code functional_dependency_grouping.test} checks rows.
 */
class FunctionallyDependentGroupKeysTest {

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
    void customerColumnsAreCarriedByTheCustomerKeyWhileTheNationNameStaysGrouped() {
        // TPC-H Q10's grouping, summing a customer column too, so that the aggregate is not moved below the customer
        // join (AggregateBelowKeyJoin, which takes Q10 itself) and groups by the customer and nation columns.
        String plan = logicalPlan("SELECT c_custkey, c_name, c_acctbal, c_phone, n_name, sum(l_extendedprice * c_acctbal)"
                + " FROM customer, orders, lineitem, nation WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey"
                + " AND c_nationkey = n_nationkey GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name");
        assertThat(plan).contains("ANY_VALUE(").doesNotContain("group={0, 1, 2, 3, 4}");
        // n_name comes from nation, whose key is not grouped: it stays a grouping column.
        assertThat(plan).containsPattern("LogicalAggregate\\(group=\\[\\{\\d+, \\d+\\}\\]");
    }

    @Test
    void columnsOfTwoKeyedTablesAreCarriedByTheirOwnKeys() {
        String plan = logicalPlan("SELECT c_custkey, c_name, o_orderkey, o_orderdate, sum(c_acctbal) FROM customer, orders,"
                + " lineitem WHERE c_custkey = o_custkey AND o_orderkey = l_orderkey"
                + " GROUP BY c_custkey, c_name, o_orderkey, o_orderdate");
        assertThat(plan).contains("ANY_VALUE(").containsPattern("LogicalAggregate\\(group=\\[\\{\\d+, \\d+\\}\\]");
    }

    @Test
    void withoutTheKeyNothingChanges() {
        String plan = logicalPlan("SELECT c_name, c_phone, count(*) FROM customer, orders WHERE c_custkey = o_custkey"
                + " GROUP BY c_name, c_phone");
        assertThat(plan).doesNotContain("ANY_VALUE");
    }

    @Test
    void aSelfJoinsOtherOccurrenceIsNotDetermined() {
        // c2.c_name belongs to another customer row than c1.c_custkey: it must stay a grouping column.
        String plan = logicalPlan("SELECT c1.c_custkey, c1.c_name, c2.c_name, count(*) FROM customer c1, customer c2"
                + " WHERE c1.c_nationkey = c2.c_nationkey GROUP BY c1.c_custkey, c1.c_name, c2.c_name");
        assertThat(plan).contains("ANY_VALUE(").containsPattern("LogicalAggregate\\(group=\\[\\{\\d+, \\d+\\}\\]");
    }

    @Test
    void anOuterJoinsPreservedSideIsCarriedItsNullExtendedSideIsNot() {
        String preserved = logicalPlan("SELECT c_custkey, c_name, count(o_orderkey) FROM customer LEFT JOIN orders"
                + " ON c_custkey = o_custkey GROUP BY c_custkey, c_name");
        assertThat(preserved).contains("c_name=[ANY_VALUE(").contains("LogicalAggregate(group=[{0}]");
        // Calcite's lineage stops at the null-generating side, so its columns stay grouping columns.
        String nullExtended = logicalPlan("SELECT o_orderkey, o_orderdate, o_totalprice, count(*) FROM customer LEFT JOIN orders"
                + " ON c_custkey = o_custkey GROUP BY o_orderkey, o_orderdate, o_totalprice");
        assertThat(nullExtended).doesNotContain("ANY_VALUE");
    }

    @Test
    void aCompositeKeyGroupedWholeCarriesTheOtherColumns() {
        // partsupp's key is (ps_partkey, ps_suppkey): with both grouped, the other three columns are carried.
        String both = logicalPlan("SELECT ps_partkey, ps_suppkey, ps_availqty, ps_comment, sum(l_quantity) FROM partsupp"
                + " JOIN lineitem ON l_partkey = ps_partkey AND l_suppkey = ps_suppkey"
                + " GROUP BY ps_partkey, ps_suppkey, ps_availqty, ps_comment");
        assertThat(both).contains("ps_availqty=[ANY_VALUE(").contains("ps_comment=[ANY_VALUE(")
                .containsPattern("LogicalAggregate\\(group=\\[\\{\\d+, \\d+\\}\\]");
        // Half of the key determines nothing.
        String half = logicalPlan("SELECT ps_partkey, ps_availqty, ps_comment, count(*) FROM partsupp"
                + " GROUP BY ps_partkey, ps_availqty, ps_comment");
        assertThat(half).doesNotContain("ANY_VALUE");
    }

    @Test
    void tpchQ20NoLongerReadsThePartsuppColumnsItDoesNotUse() {
        // The decorrelated subquery groups by every partsupp column; only the key and ps_availqty are used above it.
        String plan = logicalPlan(TpchQueries.text(20));
        assertThat(plan).contains("ANY_VALUE(").doesNotContain("ps_comment").doesNotContain("ps_supplycost");
    }
}
