package io.basalt.execution.scan;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.commit.IndexData;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.type.LogicalType;

import io.basalt.storage.type.PhysicalKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parallel source of a table scan. Morsels are row ranges of {@link #MORSEL_ROWS} rows of one segment,
 * cut from the manifest alone (no file is opened to hand them out), in table order: segments of each
 * partition, ranges of each segment. A morsel opens its segment through a shared {@link SegmentHandle},
 * skips what zone maps rule out and reads the rest with {@link ScanMorsel}. A scan with a usable index whose data is
 * fresh for the snapshot reads the index's one sorted segment instead (its zone maps of the leading key then skip all
 * blocks out of the filter's range); with stale or missing index data it reads the table, so results never differ.
 */
public final class TableScanSource implements MorselSource {

    /** Two blocks of fixed-width columns (storage cuts them every 65,536 rows): few blocks decoded twice. */
    static final int MORSEL_ROWS = 1 << 17;

    private final TableScanNode node;
    private final ScanCounters counters;
    private final ZoneMapFilter zoneMapFilter;
    private final ColumnRanges columnRanges;
    /** Per range of {@link #ranges()}, the rows it tested and kept (its place among the join filters). */
    private final List<RowsKept> rangeRows;
    private final ColumnConjuncts columnConjuncts;
    private final CompiledExpression filter;
    private final int[] filterColumns;
    private final List<ScanJoinFilter> joinFilters;
    private final List<SegmentHandle> segments = new ArrayList<>();
    private int segmentIndex;
    private int nextRow;

    public TableScanSource(TableScanNode node, ExecutionContext context, ScanCounters counters) {
        this(node, context, counters, List.of());
    }

    /** @param joinFilters filters from hash joins this scan feeds the probe side of (see {@link ScanJoinFilter}) */
    public TableScanSource(TableScanNode node, ExecutionContext context, ScanCounters counters,
                           List<ScanJoinFilter> joinFilters) {
        TableEntry table = context.snapshot().table(node.tableId()).orElseThrow(() -> new ExecutionException(
                StorageErrors.UNDEFINED_TABLE, "table " + node.schema() + "." + node.table() + " does not exist in this snapshot"));
        Optional<IndexData> indexData = node.usableIndex().flatMap(index -> table.freshIndexData(index.indexId()));
        if (indexData.isPresent()) {
            // The index's sorted copy instead of the table: same rows, the scan's columns at their index positions.
            IndexData data = indexData.get();
            this.node = new TableScanNode(node.schema(), node.table(), node.tableId(),
                    node.usableIndex().get().indexColumns(node.columns()), node.output(), node.filter(),
                    node.estimatedRows(), Optional.empty(), node.filterOnly());
            int morsels = (int) ((data.rowCount() + MORSEL_ROWS - 1) / MORSEL_ROWS);
            counters.rowsPlanned(data.rowCount());
            segments.add(new SegmentHandle(context.layout().indexSegmentFile(table.tableId(), data.indexId(),
                    data.segmentId()), SegmentEntry.of(data.segmentId(), data.rowCount(), 0), morsels,
                    context.blockCache()));
        } else {
            this.node = node;
            requireTableColumns(node, table);
            for (PartitionEntry partition : table.partitions()) {
                for (SegmentEntry segment : partition.segments()) {
                    int morsels = (int) ((segment.rowCount() + MORSEL_ROWS - 1) / MORSEL_ROWS);
                    counters.rowsPlanned(segment.rowCount());
                    segments.add(new SegmentHandle(context.layout(), table.tableId(), partition.partitionId(), segment,
                            morsels, context.blockCache()));
                }
            }
        }
        this.counters = counters;
        this.joinFilters = List.copyOf(joinFilters);
        for (ScanJoinFilter joinFilter : joinFilters) {
            if (this.node.columns()[joinFilter.column()] != TableScanNode.ROW_ID
                    && node.output().get(joinFilter.column()).type().physicalKind() != PhysicalKind.LONG) {
                throw new IllegalArgumentException("a join filter needs a LONG column, not " + node.output().get(joinFilter.column()));
            }
        }
        // The filter reads the output columns and the filter-only ones after them.
        List<LogicalType> types = node.readColumns().stream().map(Column::type).toList();
        this.zoneMapFilter = ZoneMapFilter.of(node.filter(), this.node.columns(), types);
        this.columnRanges = ColumnRanges.of(node.filter(), types);
        this.rangeRows = columnRanges.ranges().stream().map(range -> new RowsKept()).toList();
        this.columnConjuncts = ColumnConjuncts.of(columnRanges.residual());
        Optional<Expression> pushed = columnConjuncts.rest();
        if (pushed.isPresent()) {
            filterColumns = ColumnRemapper.referencedColumns(pushed.get());
            filter = ExpressionCompiler.compile(ColumnRemapper.remap(pushed.get(), filterColumns));
        } else {
            filterColumns = new int[0];
            filter = null;
        }
    }

    private static void requireTableColumns(TableScanNode node, TableEntry table) {
        int tableColumns = table.definition().columns().size();
        for (int column : node.columns()) {
            if ((column < 0 && column != TableScanNode.ROW_ID) || column >= tableColumns) {
                throw new IllegalArgumentException("table " + node.table() + " has no column " + column);
            }
        }
    }

    public ScanCounters counters() {
        return counters;
    }

    @Override
    public Morsel next() {
        while (segmentIndex < segments.size()) {
            SegmentHandle segment = segments.get(segmentIndex);
            long rows = segment.entry().rowCount();
            if (nextRow == 0) {
                counters.segmentConsidered();
                if (segment.entry().liveRows() == 0) {
                    counters.segmentSkipped();
                    counters.rowsCovered(rows);
                    segment.close();
                    segmentIndex++;
                    continue;
                }
            }
            if (nextRow < rows) {
                int from = nextRow;
                int to = (int) Math.min(rows, (long) from + MORSEL_ROWS);
                nextRow = to;
                boolean first = from == 0;
                return new ScanMorsel(this, segment, from, to, first);
            }
            segmentIndex++;
            nextRow = 0;
        }
        return null;
    }

    TableScanNode node() {
        return node;
    }

    ScanCounters scanCounters() {
        return counters;
    }

    ZoneMapFilter zoneMapFilter() {
        return zoneMapFilter;
    }

    /** The pushed filter's conjuncts applied as value ranges, before {@link #filter()}. */
    List<ColumnRanges.Range> ranges() {
        return columnRanges.ranges();
    }

    /** The rows each of {@link #ranges()} tested and kept so far, over all workers. */
    List<RowsKept> rangeRows() {
        return rangeRows;
    }

    /** The pushed filter's one-column conjuncts, applied after {@link #ranges()} and before {@link #filter()}. */
    List<ColumnConjuncts.ColumnFilter> columnFilters() {
        return columnConjuncts.filters();
    }

    /** The rest of the pushed filter (see {@link ColumnRanges} and {@link ColumnConjuncts}) compiled over {@link #filterColumns()} only, or {@code null}. */
    CompiledExpression filter() {
        return filter;
    }

    List<ScanJoinFilter> joinFilters() {
        return joinFilters;
    }

    /** The scan output columns the filter reads, ascending. */
    int[] filterColumns() {
        return filterColumns;
    }

    @Override
    public void close() {
        for (SegmentHandle segment : segments) {
            segment.close();
        }
    }
}
