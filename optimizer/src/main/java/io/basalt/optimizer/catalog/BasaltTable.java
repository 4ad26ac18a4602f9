package io.basalt.optimizer.catalog;

import io.basalt.optimizer.PlannerOptions;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One table of the manifest as Calcite sees it: its columns with Basalt's types and nullability, and its
 * statistics. Calcite scans it with a plain {@code LogicalTableScan}; the physical plan builder finds the
 * manifest entry again through {@code RelOptTable.unwrap(BasaltTable.class)}.
 */
public final class BasaltTable extends AbstractTable {

    private final TableEntry entry;
    private final TableStatistics statistics;
    private final boolean rowIdentity;

    BasaltTable(TableEntry entry, Manifest catalog, boolean rowIdentity) {
        this.entry = entry;
        this.statistics = TableStatistics.of(entry, catalog);
        this.rowIdentity = rowIdentity;
    }

    /**
     * Whether the table has a last column {@link PlannerOptions#ROW_IDENTITY_COLUMN} beyond its stored ones: each
     * row's identity, for planning a DELETE, UPDATE or MERGE of this table.
     */
    public boolean hasRowIdentity() {
        return rowIdentity;
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
        if (rowIdentity) {
            row.add(PlannerOptions.ROW_IDENTITY_COLUMN, typeFactory.createSqlType(SqlTypeName.BIGINT));
        }
        return row.build();
    }

    @Override
    public Statistic getStatistic() {
        return statistics;
    }
}
