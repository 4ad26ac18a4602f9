package io.basalt.optimizer;

import io.basalt.optimizer.catalog.BasaltTypeSystem;
import io.basalt.optimizer.cost.BasaltCostFactory;
import io.basalt.optimizer.metadata.BasaltMetadata;
import io.basalt.optimizer.rules.OptimizerPhases;
import io.basalt.optimizer.sql.QueryTranslator;
import io.basalt.storage.commit.Manifest;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlExplainLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

class ExperimentTest {

    @TempDir
    Path directory;

    @Test
    void print() throws Exception {
        Manifest catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
        String only = System.getProperty("q");
        for (int q = 1; q <= 22; q++) {
            if (only != null && !only.equals(String.valueOf(q))) continue;
            String text;
            try (InputStream in = getClass().getResourceAsStream("/io/trino/tpch/queries/q" + q + ".sql")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (q == 11) text = text.replace("AS value", "AS \"value\"");
            if (q == 15) {
                text = "WITH revenue AS (SELECT l_suppkey AS supplier_no, sum(l_extendedprice * (1 - l_discount)) AS total_revenue FROM lineitem WHERE l_shipdate >= DATE '1996-01-01' AND l_shipdate < DATE '1996-01-01' + INTERVAL '3' MONTH GROUP BY l_suppkey) "
                        + text.substring(text.indexOf("SELECT\n  s_suppkey")).replace(";", "");
            }
            System.out.println("==================== Q" + q);
            try {
                PlannedQuery planned = new QueryPlanner().plan(text, catalog, PlannerOptions.DEFAULTS);
                planned = new QueryPlanner().plan(text, catalog, PlannerOptions.DEFAULTS);
                System.out.println(planned.logicalPlanText());
                System.out.println(PhysicalPlanText.of(planned.plan()));
                System.out.println(planned.columns());
                System.out.println("time " + planned.planningTime().toNanos() / 1e6 + " ms");
            } catch (Exception e) {
                e.printStackTrace(System.out);
            }
        }
    }
}
