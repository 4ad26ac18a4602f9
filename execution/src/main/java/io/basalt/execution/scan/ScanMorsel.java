package io.basalt.execution.scan;

import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.vector.BatchArena;
import io.basalt.execution.vector.Selection;
import io.basalt.execution.vector.SelectionArrays;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.storage.encoding.EncodedLongs;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.encoding.RunLengthLongs;
import io.basalt.storage.segment.SegmentFooter;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads rows {@code [from, to)} of one segment: drops what zone maps rule out, cuts the rest into batches
 * at block boundaries, removes deleted rows, evaluates the pushed filter on the filter's columns (on the
 * dictionary of a dictionary-encoded block when the filter reads one column: {@link DictionaryFilter}) and
 * decodes the other columns only for batches where some row survives, and only those the scan outputs (not the
 * ones only its filter reads: {@link TableScanNode#filterOnly}). Join filters ({@link ScanJoinFilter}) run
 * first, right after the deleted rows are removed.
 */
final class ScanMorsel implements Morsel {

    /**
     * Rows per output batch at most. Batches end at block boundaries anyway, and a batch that covers a whole
     * block passes the decoded vectors on without copying them; smaller batches cost a copy per column
     * (measured: a six-column scan took about 1.7 times as long with 16K-row batches).
     */
    static final int BATCH_ROWS = 1 << 16;

    /** Keys unpacked at once for a join filter's test: 16 KB, in the first-level cache while they are tested. */
    private static final int KEY_CHUNK = 2048;

    /**
     * A join filter that kept less than this share of the rows it tested so far is tested with a branch on packed keys
     * ({@code PackedLongs.selectInBitmap} with {@code fewKept}): TPC-H Q8's part filter keeps 0.7 % of lineitem.
     */
    private static final double FEW_KEPT_SHARE = 0.2;

    /**
     * A batch whose filters kept at least this share of its rows goes to a consumer that takes selections whole, with
     * the kept rows ({@link BatchConsumer#acceptSelected}): its columns are decoded whole, which costs less per value
     * than gathering the kept rows (0.69 against 0.96 ns a value, packed dictionary codes several a load), and the
     * rows left out cost the consumer little when they are few.
     */
    private static final double IN_PLACE_SHARE = 0.9;

    private final TableScanSource scan;
    private final SegmentHandle segment;
    private final int from;
    private final int to;
    private final boolean firstOfSegment;

    ScanMorsel(TableScanSource scan, SegmentHandle segment, int from, int to, boolean firstOfSegment) {
        this.scan = scan;
        this.segment = segment;
        this.from = from;
        this.to = to;
        this.firstOfSegment = firstOfSegment;
    }

    @Override
    public void run(BatchConsumer output) {
        try {
            int columnCount = scan.node().columns().length;
            segment.open(columnCount > 0);
            if (columnCount == 0) {
                emitCounts(output);
            } else {
                read(output);
            }
            scan.scanCounters().rowsCovered(to - from);
        } finally {
            segment.morselFinished();
        }
    }

    @Override
    public void discard() {
        segment.morselFinished();
    }

    /**
     * A scan that needs no column (COUNT(*)) only counts the live rows; a filter without columns is a
     * constant, evaluated on the column-less batch.
     */
    private void emitCounts(BatchConsumer output) {
        DeletionVector deletions = segment.deletions();
        int[] selection = SelectionArrays.take(BATCH_ROWS);
        try {
            for (int start = from; start < to; start += BATCH_ROWS) {
                int rows = Math.min(BATCH_ROWS, to - start);
                int live = deletions == null ? rows : deletions.liveSelection(start, rows, selection);
                scan.scanCounters().rowsRead(live);
                if (live > 0 && scan.filter() != null) {
                    live = Selection.trueRows(scan.filter().evaluate(new ColumnBatch(live, List.of())), live, selection);
                }
                if (live > 0) {
                    output.accept(new ColumnBatch(live, List.of()));
                }
            }
        } finally {
            SelectionArrays.giveBack(selection);
        }
    }

    private void read(BatchConsumer output) {
        SegmentReader reader = segment.reader();
        SegmentFooter footer = reader.footer();
        ZoneMapFilter zoneMaps = scan.zoneMapFilter();
        ScanCounters counters = scan.scanCounters();
        if (zoneMaps.excludesSegment(footer)) {
            if (firstOfSegment) {
                counters.segmentSkipped();
            }
            counters.rowsSkippedByZoneMaps(to - from);
            return;
        }
        RowRanges ranges = zoneMaps.isEmpty() ? new RowRanges(from, to) : zoneMaps.survivingRows(footer, from, to);
        counters.rowsSkippedByZoneMaps((to - from) - ranges.rowCount());
        int[] tableColumns = scan.node().columns();
        ColumnCursor[] cursors = new ColumnCursor[tableColumns.length];
        for (int c = 0; c < tableColumns.length; c++) {
            // A row identity is computed from the position, not read: it has no cursor.
            cursors[c] = tableColumns[c] == TableScanNode.ROW_ID ? null : new ColumnCursor(reader, tableColumns[c], counters);
        }
        BatchReader batches = new BatchReader(cursors, segment.deletions());
        try {
            for (int r = 0; r < ranges.size(); r++) {
                int start = ranges.start(r);
                int end = ranges.end(r);
                while (start < end) {
                    int batchEnd = Math.min(end, start + BATCH_ROWS);
                    for (ColumnCursor cursor : cursors) {
                        if (cursor != null) {
                            batchEnd = Math.min(batchEnd, cursor.blockEnd(start));
                        }
                    }
                    int scope = BatchArena.open();
                    try {
                        ColumnBatch batch = batches.read(start, batchEnd, output.takesSelections());
                        if (batch != null && batches.selectionCount >= 0) {
                            output.acceptSelected(batch, batches.selection, batches.selectionCount);
                        } else if (batch != null) {
                            output.accept(batch);
                        }
                    } finally {
                        BatchArena.close(scope);
                    }
                    start = batchEnd;
                }
            }
        } finally {
            batches.release();
        }
    }

    /**
     * Turns one row range lying inside one block of every column into the batch of its wanted rows. Its position
     * arrays are the thread's recycled ones ({@link SelectionArrays}) until {@link #release}: the batches it returns
     * never hold them.
     */
    private final class BatchReader {

        private final ColumnCursor[] cursors;
        private final DeletionVector deletions;
        private final int[] live = SelectionArrays.take(BATCH_ROWS);
        private final int[] kept = SelectionArrays.take(BATCH_ROWS);
        private final int[] joinable = SelectionArrays.take(BATCH_ROWS);
        private final int[] inRange = SelectionArrays.take(BATCH_ROWS);
        private final int[] matched = SelectionArrays.take(BATCH_ROWS);
        /** Keys of a bit-packed join filter column, unpacked a cache-sized chunk at a time. */
        private final long[] keyChunk = new long[KEY_CHUNK];
        private final ColumnVector[] sliced;
        /** Per column filter, whether it runs before the join filters on the current block ({@link #beforeJoinFilters}). */
        private boolean[] runsEarly = new boolean[0];
        /** The order the join filters run in on the current batch ({@link #orderJoinFilters}), and their ranks. */
        private int[] joinFilterOrder = new int[0];
        private double[] joinFilterRanks = new double[0];
        private double[] joinFilterCosts = new double[0];
        /**
         * After {@link #read}: the rows of its batch that are wanted, {@code selection[0, selectionCount)}, when the batch
         * holds every row of its range; {@code selectionCount} -1 when the batch holds the wanted rows only.
         */
        int[] selection;
        int selectionCount = -1;

        BatchReader(ColumnCursor[] cursors, DeletionVector deletions) {
            this.cursors = cursors;
            this.deletions = deletions;
            this.sliced = new ColumnVector[cursors.length];
        }

        void release() {
            for (int[] positions : new int[][] {live, kept, joinable, inRange, matched}) {
                SelectionArrays.giveBack(positions);
            }
        }

        /**
         * The wanted rows of {@code [start, end)}; when {@code inPlace} (the consumer takes selections) and they are
         * most of the rows ({@link #IN_PLACE_SHARE}), every row of the range instead, with the wanted ones in
         * {@link #selection} (set to -1 otherwise).
         */
        ColumnBatch read(int start, int end, boolean inPlace) {
            selectionCount = -1;
            int rows = end - start;
            Arrays.fill(sliced, null);
            int liveCount = rows;
            if (deletions != null) {
                liveCount = deletions.liveSelection(start, rows, live);
                if (liveCount == 0) {
                    return null;
                }
            }
            scan.scanCounters().rowsRead(liveCount);
            int[] positions = liveCount == rows ? null : live;
            int count = liveCount;
            List<ColumnConjuncts.ColumnFilter> columnFilters = scan.columnFilters();
            boolean early = beforeJoinFilters(columnFilters, start);
            for (int f = 0; early && f < columnFilters.size(); f++) {
                if (runsEarly[f]) {
                    int passed = applyColumnFilter(columnFilters.get(f), start, end, positions, count);
                    if (passed == 0) {
                        return null;
                    }
                    positions = passed == rows ? null : positions == null ? inRange : positions;
                    count = passed;
                }
            }
            // Join filters ranked below the value ranges, then the ranges; then the other join filters (FilterCosts).
            int beforeRanges = orderJoinFilters(start);
            for (int part = 0; part < 2; part++) {
                int from = part == 0 ? 0 : beforeRanges;
                int to = part == 0 ? beforeRanges : scan.joinFilters().size();
                if (from < to) {
                    int joined = applyJoinFilters(start, end, positions, count, from, to);
                    if (joined == 0) {
                        return null;
                    }
                    if (joined < count) {
                        positions = joinable;
                        count = joined;
                    }
                }
                if (part == 0) {
                    int passed = applyRanges(start, end, positions, count);
                    if (passed == 0) {
                        return null;
                    }
                    positions = passed == rows ? null : positions == null ? inRange : positions;
                    count = passed;
                }
            }
            for (int f = 0; f < columnFilters.size(); f++) {
                if (early && runsEarly[f]) {
                    continue;
                }
                int passed = applyColumnFilter(columnFilters.get(f), start, end, positions, count);
                if (passed == 0) {
                    return null;
                }
                positions = passed == rows ? null : positions == null ? inRange : positions;
                count = passed;
            }
            CompiledExpression filter = scan.filter();
            boolean[] passingEntries = filter != null && scan.filterColumns().length == 1
                    && cursors[scan.filterColumns()[0]] != null
                    ? cursors[scan.filterColumns()[0]].passingEntries(start, filter) : null;
            if (passingEntries != null) {
                ColumnCursor cursor = cursors[scan.filterColumns()[0]];
                int passed = DictionaryFilter.select(cursor.dictionary(start), passingEntries, cursor.blockStart(start),
                        start, positions, count, kept);
                scan.scanCounters().rowsFilteredOnDictionary(count);
                if (passed == 0) {
                    return null;
                }
                if (passed < count) {
                    positions = kept;
                    count = passed;
                }
            } else if (filter != null) {
                int[] filterColumns = scan.filterColumns();
                List<ColumnVector> inputs = new ArrayList<>(filterColumns.length);
                for (int column : filterColumns) {
                    if (positions == null) {
                        sliced[column] = rows(column, start, end);
                        inputs.add(sliced[column]);
                    } else {
                        inputs.add(selectedRows(column, start, end, positions, count));
                    }
                }
                ColumnVector condition = filter.evaluate(new ColumnBatch(count, inputs));
                int passed = Selection.trueRows(condition, count, kept);
                if (passed == 0) {
                    return null;
                }
                if (passed < count) {
                    Selection.compose(positions, kept, passed, kept);
                    positions = kept;
                    count = passed;
                }
            }
            // The filter-only columns come last and are not output: nothing of them is gathered at the kept rows.
            int outputCount = scan.node().output().size();
            List<ColumnVector> columns = new ArrayList<>(outputCount);
            boolean whole = positions == null || inPlace && count >= IN_PLACE_SHARE * rows;
            for (int c = 0; c < outputCount; c++) {
                columns.add(whole ? rows(c, start, end) : selectedRows(c, start, end, positions, count));
            }
            if (positions != null && whole) {
                selection = positions;
                selectionCount = count;
                return new ColumnBatch(rows, columns);
            }
            return new ColumnBatch(count, columns);
        }

        /**
         * Runs the scan's value ranges on the rows {@code positions[0, count)} (all of the range when null) of
         * {@code [start, end)}, in place ({@link #inRange} when {@code positions} is null), and returns how many rows
         * they all kept. A range whose block's zone map lies inside it is skipped: no row to compare.
         */
        private int applyRanges(int start, int end, int[] positions, int count) {
            List<ColumnRanges.Range> ranges = scan.ranges();
            for (int r = 0; r < ranges.size(); r++) {
                ColumnRanges.Range range = ranges.get(r);
                int column = range.column();
                if (cursors[column] != null && range.holdsEveryRow(cursors[column].zoneMap(start))) {
                    continue;
                }
                int[] target = positions == null ? inRange : positions;
                int passed;
                EncodedLongs encoded = sliced[column] == null && cursors[column] != null
                        ? cursors[column].encodedLongs(start) : null;
                if (encoded != null) {
                    // Compared on the encoded values (packed bits, or runs): nothing of the column is decoded.
                    passed = encoded.selectInRange(start - cursors[column].blockStart(start), positions, count,
                            range.low(), range.high(), target);
                } else if (positions != null && sliced[column] == null) {
                    // Later ranges see few rows: only theirs are unpacked (ColumnCursor.selectedRows).
                    passed = range.selectGathered((LongVector) selectedRows(column, start, end, positions, count),
                            positions, count, target);
                } else {
                    if (sliced[column] == null) {
                        sliced[column] = rows(column, start, end);
                    }
                    passed = range.select((LongVector) sliced[column], positions, count, target);
                }
                scan.rangeRows().get(r).record(count, passed);
                if (passed == 0) {
                    return 0;
                }
                positions = passed == end - start ? null : target;
                count = passed;
            }
            return count;
        }

        /**
         * Orders the scan's join filters for the batch at {@code start} by rank ({@link ScanJoinFilter#orderByRank}) into
         * {@link #joinFilterOrder}, and returns how many of them rank below the value ranges (all when there is no
         * range): those run before the ranges, the others after. A rank is a filter's cost per row tested over the
         * share of rows it removes ({@link FilterCosts}); for independent filters, running the lower rank first costs
         * least. TPC-H Q7's lineitem scan: its orders filter on the run-length {@code l_orderkey} (8 % kept, tested once
         * a run: 0.5 units) now runs first, its shipping-date range (30 % kept, 1 unit) second and its bitmap of French
         * and German suppliers (8 % kept, 2 units) last, where it had been tested on every row; before, the ranges ran
         * either before all the join filters or after them all.
         */
        private int orderJoinFilters(int start) {
            List<ScanJoinFilter> joinFilters = scan.joinFilters();
            int count = joinFilters.size();
            if (count == 0) {
                return 0;
            }
            if (joinFilterOrder.length < count) {
                joinFilterOrder = new int[count];
                joinFilterRanks = new double[count];
                joinFilterCosts = new double[count];
            }
            for (int j = 0; j < count; j++) {
                ScanJoinFilter joinFilter = joinFilters.get(j);
                KeyMembershipFilter keys = joinFilter.current();
                int column = joinFilter.column();
                // The block's encoding says whether it may be runs; only a run-length block is decoded to ask.
                boolean runs = keys != null && cursors[column] != null
                        && cursors[column].encoding(start) == EncodingKind.RUN_LENGTH
                        && cursors[column].encodedLongs(start) instanceof RunLengthLongs;
                joinFilterCosts[j] = keys == null ? FilterCosts.BITMAP : FilterCosts.joinFilter(keys, runs);
            }
            ScanJoinFilter.orderByRank(joinFilters, joinFilterCosts, joinFilterOrder, joinFilterRanks);
            List<ColumnRanges.Range> ranges = scan.ranges();
            double rangeRank = Double.POSITIVE_INFINITY;
            for (int r = 0; r < ranges.size(); r++) {
                rangeRank = Math.min(rangeRank, FilterCosts.rank(FilterCosts.RANGE, scan.rangeRows().get(r).share()));
            }
            int before = 0;
            while (before < count && joinFilterRanks[before] <= rangeRank) {
                before++;
            }
            return before;
        }

        /**
         * Runs the join filters {@link #joinFilterOrder}{@code [from, to)} ({@link #orderJoinFilters}) on the rows
         * {@code positions[0, count)} (all of the range when null) of the range {@code [start, end)}, and returns how
         * many rows they all kept: those are {@link #joinable}{@code [0, kept)} when fewer than {@code count}.
         */
        private int applyJoinFilters(int start, int end, int[] positions, int count, int from, int to) {
            List<ScanJoinFilter> joinFilters = scan.joinFilters();
            for (int j = from; j < to; j++) {
                ScanJoinFilter joinFilter = joinFilters.get(joinFilterOrder[j]);
                KeyMembershipFilter keys = joinFilter.current();
                if (keys == null) {
                    continue;
                }
                int column = joinFilter.column();
                EncodedLongs encoded = sliced[column] == null && cursors[column] != null
                        ? cursors[column].encodedLongs(start) : null;
                int passed;
                if (encoded != null) {
                    // Tested on the encoded keys (only at the rows still wanted): no column vector.
                    passed = keys.selectEncoded(encoded, start - cursors[column].blockStart(start), positions, count,
                            joinable, keyChunk, joinFilter.keptShare() < FEW_KEPT_SHARE);
                } else {
                    if (sliced[column] == null) {
                        sliced[column] = rows(column, start, end);
                    }
                    passed = keys.select((LongVector) sliced[column], positions, count, joinable);
                }
                joinFilter.record(count, passed);
                scan.scanCounters().rowsRemovedByJoinFilters(count - passed);
                if (passed == 0) {
                    return 0;
                }
                if (passed < count) {
                    positions = joinable;
                    count = passed;
                }
            }
            return count;
        }

        /**
         * Marks in {@link #runsEarly} the column filters that run before the join filters on the block holding
         * {@code start}, and returns whether there is one: a filter tested on the block's dictionary codes that lets at
         * most half of its entries through ({@link ColumnCursor#passesFewEntries}), when every join filter is a
         * Bloom filter that would test each row (a hash and a random probe per key, several times a code test), not
         * once per run of a run-length block. TPC-H Q19's lineitem: {@code l_shipmode IN ('AIR', 'AIR REG')} (2 of 7
         * modes) and {@code l_shipinstruct = 'DELIVER IN PERSON'} (1 of 4) leave 7 % of the rows to its Bloom test on
         * {@code l_partkey}. A bitmap's test costs about what a code test does: Q10's {@code l_returnflag = 'R'}
         * (a quarter of the rows) before its bitmap on {@code l_orderkey} (4 % kept) cost 10 % more CPU.
         */
        private boolean beforeJoinFilters(List<ColumnConjuncts.ColumnFilter> columnFilters, int start) {
            if (columnFilters.isEmpty() || scan.joinFilters().isEmpty()) {
                return false;
            }
            for (ScanJoinFilter joinFilter : scan.joinFilters()) {
                KeyMembershipFilter keys = joinFilter.current();
                int column = joinFilter.column();
                if (keys != null && (!(keys instanceof BloomKeyFilter) || cursors[column] != null
                        && cursors[column].encodedLongs(start) instanceof RunLengthLongs)) {
                    return false;
                }
            }
            if (runsEarly.length < columnFilters.size()) {
                runsEarly = new boolean[columnFilters.size()];
            }
            boolean any = false;
            for (int f = 0; f < columnFilters.size(); f++) {
                ColumnConjuncts.ColumnFilter columnFilter = columnFilters.get(f);
                ColumnCursor cursor = cursors[columnFilter.column()];
                runsEarly[f] = cursor != null && cursor.passesFewEntries(start, columnFilter.filter());
                any |= runsEarly[f];
            }
            return any;
        }

        /**
         * Applies one column filter at the rows still wanted and returns how many pass ({@code count} when every
         * entry of the block's dictionary passes); the kept rows are written over {@code positions}, or to
         * {@link #inRange} when every row was wanted.
         */
        private int applyColumnFilter(ColumnConjuncts.ColumnFilter columnFilter, int start, int end, int[] positions,
                                      int count) {
            ColumnCursor cursor = cursors[columnFilter.column()];
            if (cursor != null && cursor.everyRowPasses(start, columnFilter.filter())) {
                return count; // every entry of the block's dictionary passes
            }
            int[] target = positions == null ? inRange : positions;
            return selectPassing(columnFilter.column(), columnFilter.filter(), start, end, positions, count, target);
        }

        /**
         * Writes to {@code out} the rows of {@code positions[0, count)} (all of {@code [0, count)} when null) for which
         * {@code filter}, compiled over column {@code column} alone, is TRUE; returns how many. On a dictionary block
         * the filter runs once per entry, elsewhere on the column's values at those rows. {@code out} may be
         * {@code positions}.
         */
        private int selectPassing(int column, CompiledExpression filter, int start, int end, int[] positions, int count,
                                  int[] out) {
            ColumnCursor cursor = cursors[column];
            boolean[] passingEntries = cursor != null && sliced[column] == null ? cursor.passingEntries(start, filter) : null;
            if (passingEntries != null) {
                scan.scanCounters().rowsFilteredOnDictionary(count);
                return DictionaryFilter.select(cursor.dictionary(start), passingEntries, cursor.blockStart(start), start,
                        positions, count, out);
            }
            ColumnVector values;
            if (positions == null) {
                sliced[column] = rows(column, start, end);
                values = sliced[column];
            } else {
                values = selectedRows(column, start, end, positions, count);
            }
            int passed = Selection.trueRows(filter.evaluate(new ColumnBatch(count, List.of(values))), count, matched);
            Selection.compose(positions, matched, passed, out);
            return passed;
        }

        /** The rows at {@code positions} (offsets from {@code start}), decoding as little as the column allows. */
        private ColumnVector selectedRows(int column, int start, int end, int[] positions, int count) {
            if (sliced[column] != null) {
                return VectorCopier.select(sliced[column], positions, count);
            }
            ColumnCursor cursor = cursors[column];
            return cursor == null ? VectorCopier.select(rows(column, start, end), positions, count)
                    : cursor.selectedRows(start, end, positions, count);
        }

        private ColumnVector rows(int column, int start, int end) {
            if (sliced[column] != null) {
                return sliced[column];
            }
            ColumnCursor cursor = cursors[column];
            return cursor == null ? RowIdentity.rows(segment.entry().segmentId(), start, end) : cursor.rows(start, end);
        }
    }
}
