package io.basalt.optimizer.catalog;

import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One table of the manifest as Calcite sees it: its columns with Basalt's types and nullability, and its
 * statistics. Calcite scans it with a plain {@code LogicalTableScan}; the physical plan builder finds the
 * manifest entry again through {@code RelOptTable.unwrap(BasaltTable.class)}.
 */
public final class BasaltTable extends AbstractTable {

    private final TableEntry entry;
    private final TableStatistics statistics;

    BasaltTable(TableEntry entry, Manifest catalog) {
        this.entry = entry;
        this.statistics = TableStatistics.of(entry, catalog);
    }

    public TableEntry entry() {
        return entry;
    }

    public TableStatistics statistics() {
        return statistics;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder row = typeFactory.builder();
        for (ColumnDefinition column : entry.definition().columns()) {
            row.add(column.name(), TypeMapping.toCalcite(typeFactory, column.type(), column.nullable()));
        }
        return row.build();
    }

    @Override
    public Statistic getStatistic() {
        return statistics;
    }
}
