package io.basalt.execution;

import io.basalt.execution.hash.GroupTable;
import io.basalt.execution.hash.GroupTables;
import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.RecursiveUnionNode;
import io.basalt.execution.vector.Selection;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link RecursiveUnionNode} when its first morsel is asked for: the seed, then the iterative part again and
 * again, each run a query of its own (on the same workers and memory budget) whose working table is the previous
 * run's new rows, until a run adds no row. Then hands out every row kept, one morsel per batch, seed first.
 *
 * <p>Iterating inside a source keeps the pipeline model unchanged: the iterative part may hold joins, aggregates,
 * sorts, anything a query may, and each run is cut into pipelines like any query. For UNION (not ALL) one group
 * table over all columns remembers every row produced; a row is new only the first time it is inserted (NULLs equal,
 * as PostgreSQL's UNION), which is what makes a cycle in a graph end.
 */
final class RecursiveUnionSource implements MorselSource {

    private final RecursiveUnionNode node;
    private final ExecutionContext context;
    private final MemoryBudget budget;
    private final MemoryReservation memory;
    private final List<ColumnBatch> rows = new ArrayList<>();
    private GroupTable seen;
    private boolean computed;
    private int next;

    RecursiveUnionSource(RecursiveUnionNode node, ExecutionContext context, MemoryBudget budget, MemoryReservation memory) {
        this.node = node;
        this.context = context;
        this.budget = budget;
        this.memory = memory;
    }

    @Override
    public Morsel next() {
        if (!computed) {
            computed = true;
            compute();
        }
        if (next >= rows.size()) {
            return null;
        }
        ColumnBatch batch = rows.get(next++);
        return output -> output.accept(batch);
    }

    private void compute() {
        if (!node.all()) {
            List<PhysicalKind> kinds = node.output().stream().map(Column::type).map(type -> type.physicalKind()).toList();
            seen = GroupTables.create(kinds, 1024, memory);
        }
        List<ColumnBatch> working = keepNew(run(node.seed(), Map.of()));
        int iterations = 0;
        while (!working.isEmpty()) {
            if (iterations++ == node.iterationLimit()) {
                throw new ExecutionException(ExecutionException.PROGRAM_LIMIT_EXCEEDED, "recursive query \"" + node.workingTable() + "\" did not end after "
                        + node.iterationLimit() + " iterations");
            }
            context.checkCancelled();
            working = keepNew(run(node.iterative(), Map.of(node.workingTable(), working)));
        }
        if (seen != null) {
            seen.release();
            seen = null;
        }
    }

    /** Every batch {@code plan} produces with the given working tables. */
    private List<ColumnBatch> run(PhysicalNode plan, Map<String, List<ColumnBatch>> workingTables) {
        List<ColumnBatch> batches = new ArrayList<>();
        try (QueryResultStream stream = QueryExecutor.start(plan, context, null, budget, workingTables)) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                if (batch.rowCount() > 0) {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }

    /** The rows of {@code batches} to add (for UNION, those never seen), kept in {@link #rows} too. */
    private List<ColumnBatch> keepNew(List<ColumnBatch> batches) {
        List<ColumnBatch> added = new ArrayList<>();
        for (ColumnBatch batch : batches) {
            ColumnBatch kept = seen == null ? batch : unseen(batch);
            if (kept.rowCount() > 0) {
                memory.grow(VectorSizes.bytes(kept));
                added.add(kept);
                rows.add(kept);
            }
        }
        return added;
    }

    private ColumnBatch unseen(ColumnBatch batch) {
        int count = batch.rowCount();
        ColumnVector[] keys = batch.columns().toArray(new ColumnVector[0]);
        int[] groups = new int[count];
        int before = seen.groupCount();
        seen.findOrInsert(keys, Selection.all(count), count, groups);
        // Groups are numbered in order of first appearance: a row is new when it got the next unused number.
        int[] positions = new int[count];
        int kept = 0;
        int nextNew = before;
        for (int row = 0; row < count; row++) {
            if (groups[row] == nextNew) {
                positions[kept++] = row;
                nextNew++;
            }
        }
        return kept == count ? batch : VectorCopier.select(batch, positions, kept);
    }

    @Override
    public void close() {
        rows.clear();
        if (seen != null) {
            seen.release();
            seen = null;
        }
        memory.close();
    }
}
