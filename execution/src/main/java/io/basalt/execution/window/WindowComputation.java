package io.basalt.execution.window;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.execution.plan.WindowFunctionKind;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.sort.RowComparator;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The window functions of a chunk of rows (whole partitions) already sorted by partition and order keys (see
 * {@link WindowChunks}): find partitions and peers, compute every function into a new vector, and cut the result
 * into batches.
 */
final class WindowComputation {

    private static final int OUTPUT_BATCH_ROWS = 65_536;

    private final WindowNode node;
    private final List<PhysicalKind> kinds;
    private final List<LogicalType> inputTypes;
    private final List<SortKey> sortKeys;
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
        this.sortKeys = List.copyOf(all);
        this.partitions = new RowComparator(partitionKeys, kinds);
        this.peers = new RowComparator(node.orderKeys(), kinds);
    }

    List<PhysicalKind> kinds() {
        return kinds;
    }

    /** The order the rows must come in: partition keys, then order keys. */
    List<SortKey> sortKeys() {
        return sortKeys;
    }

    /** Compares rows by their partition keys: equal when they are in the same partition. */
    RowComparator partitions() {
        return partitions;
    }

    /** Bytes of state per row an aggregate over a frame holds: a group per row and one per frame, and a tree. */
    private static final long FRAME_AGGREGATE_BYTES_PER_ROW = 96;

    /**
     * An estimate of what computing {@code rows} input rows of {@code inputBytes} holds at once: the rows (twice, the
     * store's arrays may have room for as many again), the partition layout, each function's column (for a function
     * of text, the input's bytes again) and the state of aggregates over frames. It bounds the output too.
     */
    long computingBytes(long inputBytes, int rows) {
        long bytes = 2 * inputBytes + PartitionLayout.bytes(rows);
        for (WindowFunction function : node.functions()) {
            PhysicalKind kind = function.type().physicalKind();
            bytes += kind == PhysicalKind.BYTES ? inputBytes : VectorSizes.bytesPerPosition(kind) * (long) rows;
            if (function.kind() == WindowFunctionKind.AGGREGATE) {
                bytes += FRAME_AGGREGATE_BYTES_PER_ROW * rows;
            }
        }
        return bytes;
    }

    /**
     * Rows {@code [0, rowCount)} of {@code sorted}, sorted by {@link #sortKeys()} and holding whole partitions, with
     * their window columns; the function columns are reserved in {@code memory}. The output batches are copies of
     * just their rows (the vectors of {@code sorted} may have room for more).
     */
    List<ColumnBatch> compute(ColumnVector[] sorted, int rowCount, MemoryReservation memory) {
        if (rowCount == 0) {
            return List.of();
        }
        List<ColumnVector> output = new ArrayList<>(Arrays.asList(sorted));
        memory.grow(PartitionLayout.bytes(rowCount));
        PartitionLayout layout = PartitionLayout.of(sorted, rowCount, partitions, peers);
        for (WindowFunction function : node.functions()) {
            long bytes = VectorSizes.bytesPerPosition(function.type().physicalKind()) * (long) rowCount;
            memory.grow(bytes);
            output.add(compute(function, sorted, layout, memory));
        }
        memory.shrink(PartitionLayout.bytes(rowCount));
        List<ColumnBatch> batches = new ArrayList<>();
        for (int from = 0; from < rowCount; from += OUTPUT_BATCH_ROWS) {
            int count = Math.min(OUTPUT_BATCH_ROWS, rowCount - from);
            List<ColumnVector> columns = new ArrayList<>(output.size());
            for (ColumnVector column : output) {
                columns.add(VectorCopier.slice(column, from, count));
            }
            batches.add(new ColumnBatch(count, columns));
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
