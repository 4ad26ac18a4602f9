package io.basalt.optimizer.catalog;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.function.Supplier;

/**
 * A system table (information_schema's): a query scans it like a stored table, and the physical plan turns the scan
 * into its rows as constants. The rows stay out of the logical plan on purpose: Calcite's metadata and rules walk
 * every tuple of a {@code VALUES} (collations, pulled-up predicates, digests), which cost seconds per query on a
 * catalog of thousands of columns. The rows are computed the first time a statement uses the table.
 */
public final class SystemTable extends AbstractTable {

    private final Supplier<SystemTableRows> source;
    private SystemTableRows computed;

    SystemTable(Supplier<SystemTableRows> source) {
        this.source = source;
    }

    private synchronized SystemTableRows table() {
        if (computed == null) {
            computed = source.get();
        }
        return computed;
    }

    /** The rows: per column a String, a Long or null. */
    public List<List<Object>> rows() {
        return table().rows();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        SystemTableRows table = table();
        RelDataTypeFactory.Builder row = typeFactory.builder();
        for (int i = 0; i < table.names().size(); i++) {
            SqlTypeName type = table.types().get(i).sqlType();
            row.add(table.names().get(i), typeFactory.createTypeWithNullability(typeFactory.createSqlType(type), true));
        }
        return row.build();
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(table().rows().size(), List.of());
    }
}
