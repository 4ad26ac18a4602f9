package io.basalt.optimizer.catalog;

import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelReferentialConstraint;
import org.apache.calcite.rel.RelReferentialConstraintImpl;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.IntPair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What Calcite's metadata knows about one table: the live row count from the manifest, the unique keys declared
 * by PRIMARY KEY and UNIQUE (so Calcite can prove joins and aggregates unique), the foreign keys, and an estimate
 * of distinct values per column where the constraints give one: a unique column has as many as rows, a
 * foreign-key column at most as many as the referenced table has rows. Segment sketches and ANALYZE can refine
 * the distinct counts later.
 */
public final class TableStatistics implements Statistic {

    private final double rowCount;
    private final List<ImmutableBitSet> keys;
    private final List<RelReferentialConstraint> foreignKeys;
    private final double[] distinctCounts;

    private TableStatistics(double rowCount, List<ImmutableBitSet> keys, List<RelReferentialConstraint> foreignKeys,
                            double[] distinctCounts) {
        this.rowCount = rowCount;
        this.keys = List.copyOf(keys);
        this.foreignKeys = List.copyOf(foreignKeys);
        this.distinctCounts = distinctCounts;
    }

    static TableStatistics of(TableEntry table, Manifest catalog) {
        TableDefinition definition = table.definition();
        double rows = table.rowCount();
        double[] distinct = new double[definition.columns().size()];
        Arrays.fill(distinct, Double.NaN);
        List<ImmutableBitSet> keys = new ArrayList<>();
        List<RelReferentialConstraint> foreignKeys = new ArrayList<>();
        for (Constraint constraint : definition.constraints()) {
            int[] columns = columnIndexes(definition, constraint.columns());
            if (constraint instanceof Constraint.PrimaryKey || constraint instanceof Constraint.Unique) {
                keys.add(ImmutableBitSet.of(columns));
                if (columns.length == 1) {
                    distinct[columns[0]] = rows;
                }
            } else if (constraint instanceof Constraint.ForeignKey foreignKey) {
                Optional<TableEntry> referenced = catalog.table(foreignKey.referencedSchema(), foreignKey.referencedTable());
                if (referenced.isEmpty()) {
                    continue;
                }
                TableDefinition target = referenced.get().definition();
                int[] targetColumns = columnIndexes(target, foreignKey.referencedColumns());
                List<IntPair> pairs = new ArrayList<>();
                for (int i = 0; i < columns.length; i++) {
                    pairs.add(IntPair.of(columns[i], targetColumns[i]));
                }
                foreignKeys.add(RelReferentialConstraintImpl.of(List.of(definition.schema(), definition.name()),
                        List.of(target.schema(), target.name()), pairs));
                if (columns.length == 1 && Double.isNaN(distinct[columns[0]])) {
                    distinct[columns[0]] = Math.min(rows, referenced.get().rowCount());
                }
            }
        }
        return new TableStatistics(rows, keys, foreignKeys, distinct);
    }

    private static int[] columnIndexes(TableDefinition definition, List<String> names) {
        int[] indexes = new int[names.size()];
        for (int i = 0; i < indexes.length; i++) {
            String name = names.get(i);
            indexes[i] = definition.columnIndex(name).orElseThrow(() -> new IllegalStateException(
                    "constraint of " + definition.qualifiedName() + " names unknown column " + name));
        }
        return indexes;
    }

    @Override
    public Double getRowCount() {
        return rowCount;
    }

    @Override
    public boolean isKey(ImmutableBitSet columns) {
        for (ImmutableBitSet key : keys) {
            if (columns.contains(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<ImmutableBitSet> getKeys() {
        return keys;
    }

    @Override
    public List<RelReferentialConstraint> getReferentialConstraints() {
        return foreignKeys;
    }

    @Override
    public List<RelCollation> getCollations() {
        return List.of();
    }

    /** The estimated number of distinct values of a column, or NaN when the catalog gives no estimate. */
    public double distinctCount(int column) {
        return distinctCounts[column];
    }
}
