package io.basalt.optimizer;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How grouping sets and ordered aggregates reach the executor's AggregateNode. */
class AggregatePlanTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.create(directory);
    }

    private static AggregateNode aggregate(String query) {
        PhysicalNode node = new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS).plan();
        while (!(node instanceof AggregateNode)) {
            node = node.inputs().get(0);
        }
        return (AggregateNode) node;
    }

    private static int column(AggregateNode node, String name) {
        List<String> names = node.input().output().stream().map(Column::name).toList();
        return names.indexOf(name);
    }

    @Test
    void wideDecimalsThatOnlySumAndAverageReadMayComeAsLongs() {
        // TPC-H Q1's products are DECIMAL(31, 4) and DECIMAL(38, 6): summed and averaged only.
        AggregateNode q1 = aggregate(TpchQueries.text(1));
        ProjectNode projection = (ProjectNode) q1.input();
        assertThat(projection.longWhenFits()).containsExactlyInAnyOrder(
                column(q1, "$f4"), column(q1, "$f5"));
        // A grouping key, MAX, a DISTINCT sum or grouping sets read the product too: it keeps its INT128 form.
        for (String query : List.of(
                "SELECT l_extendedprice * (1 - l_discount) AS v, sum(l_extendedprice * (1 - l_discount)) FROM lineitem GROUP BY 1",
                "SELECT sum(l_extendedprice * (1 - l_discount)), max(l_extendedprice * (1 - l_discount)) FROM lineitem",
                "SELECT sum(DISTINCT l_extendedprice * (1 - l_discount)) FROM lineitem",
                "SELECT l_returnflag, sum(l_extendedprice * (1 - l_discount)) FROM lineitem GROUP BY ROLLUP (l_returnflag)")) {
            AggregateNode node = aggregate(query);
            assertThat(node.input()).isInstanceOf(ProjectNode.class);
            assertThat(((ProjectNode) node.input()).longWhenFits()).as(query).isEmpty();
        }
        // Integers are longs already.
        AggregateNode shortProducts = aggregate("SELECT sum(l_linenumber * 2), avg(l_linenumber * l_linenumber) FROM lineitem");
        assertThat(((ProjectNode) shortProducts.input()).longWhenFits()).isEmpty();
    }

    @Test
    void rollupIsOneAggregateWithItsSets() {
        AggregateNode node = aggregate(
                "SELECT n_regionkey, n_name, count(*), grouping(n_regionkey, n_name) FROM nation GROUP BY ROLLUP (n_regionkey, n_name)");

        int region = column(node, "n_regionkey");
        int name = column(node, "n_name");
        // A set lists its columns in input order.
        assertThat(node.groupingSets()).containsExactly(new int[] {Math.min(region, name), Math.max(region, name)},
                new int[] {region}, new int[0]);
        AggregateCall grouping = node.aggregates().get(1);
        assertThat(grouping.function()).isEqualTo(AggregateFunction.GROUPING);
        assertThat(grouping.arguments()).containsExactly(region, name);
    }

    @Test
    void orderedSetAggregatesOrderByTheirValueAndKeepTheFraction() {
        AggregateNode node = aggregate("SELECT percentile_disc(0.25) WITHIN GROUP (ORDER BY n_nationkey DESC), "
                + "median(n_regionkey), string_agg(n_name, ';' ORDER BY n_regionkey) FROM nation");

        AggregateCall percentile = node.aggregates().get(0);
        assertThat(percentile.function()).isEqualTo(AggregateFunction.PERCENTILE_DISC);
        assertThat(percentile.arguments()).isEmpty();
        assertThat(percentile.fraction()).isEqualTo(0.25);
        assertThat(percentile.order()).hasSize(1);
        assertThat(percentile.order().get(0).ascending()).isFalse();
        AggregateCall median = node.aggregates().get(1);
        assertThat(median.function()).isEqualTo(AggregateFunction.PERCENTILE_CONT);
        assertThat(median.fraction()).isEqualTo(0.5);
        assertThat(median.order()).extracting(SortKey::ascending).containsExactly(true);
        AggregateCall joined = node.aggregates().get(2);
        assertThat(joined.function()).isEqualTo(AggregateFunction.STRING_AGG);
        assertThat(joined.arguments()).hasSize(2);
        assertThat(joined.order()).hasSize(1);
        assertThat(joined.order().get(0).column()).isEqualTo(column(node, "n_regionkey"));
    }
}
