package io.basalt.execution.window;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.execution.plan.WindowFunctionKind;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.sort.IndexSorter;
import io.basalt.execution.sort.RowComparator;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The window functions of one bucket of rows (whole partitions): sort by partition and order keys, find partitions
 * and peers, compute every function into a new vector, and cut the result into batches.
 */
final class WindowComputation {

    private static final int OUTPUT_BATCH_ROWS = 65_536;

    private final WindowNode node;
    private final List<PhysicalKind> kinds;
    private final List<LogicalType> inputTypes;
    private final RowComparator sortOrder;
    private final RowComparator partitions;
    private final RowComparator peers;

    WindowComputation(WindowNode node) {
        this.node = node;
        this.inputTypes = node.input().output().stream().map(Column::type).toList();
        this.kinds = inputTypes.stream().map(LogicalType::physicalKind).toList();
        List<SortKey> partitionKeys = new ArrayList<>();
        for (int column : node.partitionKeys()) {
            partitionKeys.add(new SortKey(column, true, false));
        }
        List<SortKey> all = new ArrayList<>(partitionKeys);
        all.addAll(node.orderKeys());
        this.sortOrder = new RowComparator(all, kinds);
        this.partitions = new RowComparator(partitionKeys, kinds);
        this.peers = new RowComparator(node.orderKeys(), kinds);
    }

    List<PhysicalKind> kinds() {
        return kinds;
    }

    /** The rows of {@code rows} with their window columns; {@code rows} is released. */
    List<ColumnBatch> compute(RowStore rows, MemoryReservation memory) {
        int rowCount = rows.rowCount();
        if (rowCount == 0) {
            rows.release();
            return List.of();
        }
        ColumnVector[] stored = rows.columns();
        int[] order = new int[rowCount];
        Arrays.setAll(order, row -> row);
        IndexSorter.sort(order, rowCount, (a, b) -> sortOrder.compare(stored, a, stored, b));
        List<ColumnVector> output = new ArrayList<>();
        try {
            ColumnVector[] sorted = new ColumnVector[stored.length];
            for (int c = 0; c < stored.length; c++) {
                memory.grow(VectorSizes.bytesPerPosition(kinds.get(c)) * (long) rowCount);
                sorted[c] = VectorCopier.select(stored[c], order, rowCount);
                output.add(sorted[c]);
            }
            rows.release();
            memory.grow(PartitionLayout.bytes(rowCount));
            PartitionLayout layout = PartitionLayout.of(sorted, rowCount, partitions, peers);
            for (WindowFunction function : node.functions()) {
                long bytes = VectorSizes.bytesPerPosition(function.type().physicalKind()) * (long) rowCount;
                memory.grow(bytes);
                output.add(compute(function, sorted, layout, memory));
            }
            memory.shrink(PartitionLayout.bytes(rowCount));
        } finally {
            rows.release();
        }
        List<ColumnBatch> batches = new ArrayList<>();
        ColumnBatch whole = new ColumnBatch(rowCount, output);
        for (int from = 0; from < rowCount; from += OUTPUT_BATCH_ROWS) {
            batches.add(VectorSlicer.slice(whole, from, Math.min(OUTPUT_BATCH_ROWS, rowCount - from)));
        }
        return batches;
    }

    private FrameBounds frameBounds(WindowFunction function, ColumnVector[] columns, PartitionLayout layout) {
        RangeOffsets range = null;
        if (function.frame().rangeWithOffset()) {
            // The optimizer allows RANGE offsets only with exactly one ORDER BY key.
            SortKey key = node.orderKeys().get(0);
            range = RangeOffsets.of(columns[key.column()], key);
        }
        return FrameBounds.of(function.frame(), layout, range);
    }

    private ColumnVector compute(WindowFunction function, ColumnVector[] columns, PartitionLayout layout,
                                 MemoryReservation memory) {
        WindowFunctionKind kind = function.kind();
        int[] arguments = function.arguments();
        return switch (kind) {
            case ROW_NUMBER -> RankingFunctions.rowNumber(layout);
            case RANK -> RankingFunctions.rank(layout);
            case DENSE_RANK -> RankingFunctions.denseRank(layout);
            case NTILE -> RankingFunctions.ntile(layout, function.constant());
            case LAG, LEAD -> ValueFunctions.shifted(layout, columns[arguments[0]],
                    arguments.length > 1 ? columns[arguments[1]] : null, function.constant(), kind == WindowFunctionKind.LEAD);
            case PERCENT_RANK -> RankingFunctions.percentRank(layout);
            case CUME_DIST -> RankingFunctions.cumulativeDistribution(layout);
            case FIRST_VALUE, LAST_VALUE -> ValueFunctions.nth(frameBounds(function, columns, layout),
                    function.frame().exclusion(), layout, columns[arguments[0]], 1, kind == WindowFunctionKind.LAST_VALUE);
            case NTH_VALUE -> ValueFunctions.nth(frameBounds(function, columns, layout), function.frame().exclusion(),
                    layout, columns[arguments[0]], function.constant(), false);
            case AGGREGATE -> FrameAggregation.compute(function, columns, inputTypes, layout,
                    frameBounds(function, columns, layout), memory);
        };
    }
}
