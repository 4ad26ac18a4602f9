package io.basalt.optimizer.metadata;

import io.basalt.optimizer.catalog.BasaltTypeFactory;
import io.basalt.optimizer.cost.BasaltCost;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class BasaltMetadataTest {

    /** A cluster whose planner's cost factory is Calcite's default, so only Basalt's cost model gives a BasaltCost. */
    private static RelOptCluster cluster() {
        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
                new RexBuilder(new BasaltTypeFactory()));
        BasaltMetadata.install(cluster);
        return cluster;
    }

    @Test
    void metadataQueriesAnswerWithBasaltsCostModel() {
        RelOptCluster cluster = cluster();
        LogicalValues row = LogicalValues.createOneRow(cluster);

        RelOptCost cost = cluster.getMetadataQuery().getNonCumulativeCost(row);

        assertThat(cost).isInstanceOf(BasaltCost.class);
        assertThat(cost.getRows()).isEqualTo(1.0);
    }

    @Test
    void aQueryMadeAfterAnInvalidationIsNewAndStillBasalts() {
        RelOptCluster cluster = cluster();
        LogicalValues row = LogicalValues.createOneRow(cluster);
        RelMetadataQuery first = cluster.getMetadataQuery();
        cluster.invalidateMetadataQuery();

        RelMetadataQuery second = cluster.getMetadataQuery();

        assertThat(second).isNotSameAs(first);
        assertThat(second.getNonCumulativeCost(row)).isInstanceOf(BasaltCost.class);
    }

    @Test
    void aQueryMadeOnAnotherThreadThanTheClustersAnswersWithBasaltsHandlers() throws Exception {
        RelOptCluster cluster = cluster();
        LogicalValues row = LogicalValues.createOneRow(cluster);

        // A fresh thread has no metadata provider of its own: the cluster's supplier must bring Basalt's.
        RelOptCost cost = CompletableFuture.supplyAsync(() -> cluster.getMetadataQuery().getNonCumulativeCost(row),
                runnable -> new Thread(runnable).start()).get();

        assertThat(cost).isInstanceOf(BasaltCost.class);
    }
}
