package io.basalt.optimizer.metadata;

import io.basalt.optimizer.cost.OperatorCostModel;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.RelMetadataQueryBase;

import java.util.List;

/**
 * Calcite's metadata with Basalt's statistics and cost model in front: for the relational expressions our
 * handlers know, theirs answer, for all others Calcite's defaults. One provider for the process, because Calcite
 * compiles a dispatcher per provider (the first query pays for it).
 */
public final class BasaltMetadata {

    public static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(List.of(
            OperatorCostModel.SOURCE,
            JoinRowCount.SOURCE,
            JoinPredicates.SOURCE,
            ScanRowCount.SOURCE,
            TableDistinctRowCount.SOURCE,
            TableSelectivity.SOURCE,
            SharedSubplanMetadata.SOURCE,
            DefaultRelMetadataProvider.INSTANCE));

    private static final JaninoRelMetadataProvider HANDLERS = JaninoRelMetadataProvider.of(PROVIDER);

    private BasaltMetadata() {
    }

    /** Makes the cluster answer metadata questions with Basalt's provider. */
    public static void install(RelOptCluster cluster) {
        cluster.setMetadataProvider(PROVIDER);
        cluster.setMetadataQuerySupplier(BasaltMetadata::newQuery);
    }

    /**
     * A metadata query over Basalt's handlers. Every rule a HepPlanner applies invalidates the cluster's query, so
     * one planning run makes hundreds: {@code new RelMetadataQuery(HANDLERS)} built 27 reflective proxies for each
     * (2 % of warm TPC-H planning), where {@link RelMetadataQuery#instance()} copies them from one prototype. That
     * one reads the handlers from the thread's provider, which is set here (the cluster set the same on the thread
     * that created it; planning may continue on another).
     */
    private static RelMetadataQuery newQuery() {
        RelMetadataQueryBase.THREAD_PROVIDERS.set(HANDLERS);
        return RelMetadataQuery.instance();
    }
}
