package io.basalt.optimizer.metadata;

import io.basalt.optimizer.cost.OperatorCostModel;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

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
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(HANDLERS));
    }
}
