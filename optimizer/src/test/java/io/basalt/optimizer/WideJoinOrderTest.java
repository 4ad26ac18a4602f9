package io.basalt.optimizer;

import io.basalt.optimizer.rules.GreedyJoinOrderRule;
import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Joins of more inputs than {@link GreedyJoinOrderRule#WIDEST_COST_BASED}, which {@code GreedyJoinOrderRule} orders
 * (narrower ones {@code ExhaustiveJoinOrderRule} orders: {@code ExhaustiveJoinOrderTest}, {@code GoldenPlanTest}). Over TPC-H's tables
 * at scale factor 1, so that the inputs differ in size.
 */
class WideJoinOrderTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    /** Eleven inputs, every one connected by an equality to the one before: a chain from lineitem to region. */
    private static final String CHAIN = """
            SELECT count(*)
              FROM lineitem, orders, customer, nation n1, region r1, supplier, nation n2, region r2, partsupp, part,
                   nation n3
             WHERE l_orderkey = o_orderkey AND o_custkey = c_custkey AND c_nationkey = n1.n_nationkey
               AND n1.n_regionkey = r1.r_regionkey AND l_suppkey = s_suppkey AND s_nationkey = n2.n_nationkey
               AND n2.n_regionkey = r2.r_regionkey AND l_partkey = ps_partkey AND l_suppkey = ps_suppkey
               AND ps_partkey = p_partkey AND n3.n_nationkey = r1.r_regionkey
            """;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    @Test
    void aConnectedJoinHasNoCrossProductAndKeepsEveryCondition() {
        String plan = logicalPlan(CHAIN);

        assertThat(count(plan, "LogicalJoin")).isEqualTo(10);
        assertThat(plan).doesNotContain("condition=[true]");
        // 11 equalities; the two on l_suppkey (s_suppkey, ps_suppkey) are one join's condition or imply each other.
        assertThat(count(plan, "=\\(\\$")).isGreaterThanOrEqualTo(11);
    }

    @Test
    void startsWithTheSmallestInputAndAddsConnectedInputsSmallestResultFirst() {
        List<String> scans = scans(logicalPlan(CHAIN));

        // A left-deep tree prints its first input first. region (5 rows) starts; nation (25) joins it.
        assertThat(scans.get(0)).isEqualTo("region");
        assertThat(scans.get(1)).isEqualTo("nation");
        assertThat(scans).hasSize(11);
    }

    @Test
    void unconnectedPartsAreJoinedByOneCrossProductEach() {
        String plan = logicalPlan("""
                SELECT count(*)
                  FROM nation n1, region r1, nation n2, region r2, nation n3, region r3, supplier s1, supplier s2,
                       customer c1, customer c2, part
                 WHERE n1.n_regionkey = r1.r_regionkey AND s1.s_nationkey = n1.n_nationkey
                   AND c1.c_nationkey = n1.n_nationkey
                   AND n2.n_regionkey = r2.r_regionkey AND s2.s_nationkey = n2.n_nationkey
                   AND c2.c_nationkey = n2.n_nationkey AND n3.n_regionkey = r3.r_regionkey
                """);

        // Four parts (the n1 group, the n2 group, n3 with r3, part alone): three cross products.
        assertThat(count(plan, "LogicalJoin")).isEqualTo(10);
        assertThat(count(plan, "condition=\\[true\\]")).isEqualTo(3);
    }

    @Test
    void aWideJoinWithAnOuterJoinIsLeftToCalcitesRule() {
        String plan = logicalPlan(CHAIN.replace("FROM lineitem,",
                "FROM lineitem LEFT JOIN nation n4 ON l_suppkey = n4.n_nationkey,"));

        assertThat(plan).contains("joinType=[left]");
        assertThat(count(plan, "LogicalJoin")).isEqualTo(11);
    }

    private static String logicalPlan(String query) {
        return new QueryPlanner(TpchStatistics.SF1).plan(query, catalog, PlannerOptions.DEFAULTS).logicalPlanText();
    }

    private static List<String> scans(String plan) {
        return Pattern.compile("LogicalTableScan\\(table=\\[\\[main, (\\w+)]]").matcher(plan).results()
                .map(result -> result.group(1)).toList();
    }

    private static int count(String plan, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(plan);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
