package io.basalt.optimizer.metadata;

import io.basalt.optimizer.convention.BasaltTableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/** Rows out of a scan with a pushed filter: the table's rows times the filter's selectivity. */
public final class ScanRowCount implements MetadataHandler<BuiltInMetadata.RowCount> {

    public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new ScanRowCount(), BuiltInMetadata.RowCount.Handler.class);

    private ScanRowCount() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.RowCount> getDef() {
        return BuiltInMetadata.RowCount.DEF;
    }

    public Double getRowCount(BasaltTableScan scan, RelMetadataQuery mq) {
        double rows = scan.getTable().getRowCount();
        return scan.filter().map(filter -> rows * TableSelectivity.of(scan, filter)).orElse(rows);
    }
}
