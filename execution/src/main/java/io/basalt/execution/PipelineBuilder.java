package io.basalt.execution;

import io.basalt.execution.aggregate.AggregationSink;
import io.basalt.execution.join.HashBuildSink;
import io.basalt.execution.join.HashJoinOperator;
import io.basalt.execution.join.MatchCountingJoin;
import io.basalt.execution.join.MaterializeSink;
import io.basalt.execution.join.NestedLoopJoinOperator;
import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.operator.FilterOperator;
import io.basalt.execution.operator.ProjectOperator;
import io.basalt.execution.operator.RepeatRowsOperator;
import io.basalt.execution.expression.Parameter;
import io.basalt.execution.operator.ValuesSource;
import io.basalt.execution.pipeline.BatchListSource;
import io.basalt.execution.pipeline.ConcatenatedSource;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.OperatorSource;
import io.basalt.execution.pipeline.Pipeline;
import io.basalt.execution.pipeline.ResultCollector;
import io.basalt.execution.pipeline.SharedResultSink;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.HashJoinNode;
import io.basalt.execution.plan.LimitNode;
import io.basalt.execution.plan.NestedLoopJoinNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.RecursiveUnionNode;
import io.basalt.execution.plan.RepeatRowsNode;
import io.basalt.execution.plan.SharedResultNode;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.plan.UnionNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.plan.WorkingTableNode;
import io.basalt.execution.profile.NodeStatistics;
import io.basalt.execution.profile.ProfiledOperator;
import io.basalt.execution.profile.ProfiledSink;
import io.basalt.execution.profile.ProfiledSource;
import io.basalt.execution.profile.QueryProfile;
import io.basalt.execution.scan.ScanCounters;
import io.basalt.execution.scan.ScanJoinFilter;
import io.basalt.execution.scan.TableScanSource;
import io.basalt.execution.sort.SortSink;
import io.basalt.execution.window.WindowSink;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts a physical plan into pipelines. Streaming nodes (filter, project, hash-join probe, nested-loop
 * join) are folded into their input's morsel source; pipeline breakers (hash-join build, nested-loop inner
 * side, aggregation, sort, window, a LIMIT below the root) end a pipeline in a sink whose output is the source of
 * the next one. A hash join whose probe key comes straight from a table scan hands that scan a filter of its
 * build keys ({@link JoinFilterPlacement}). Pipelines are listed so that each comes after every pipeline it reads from. With a
 * profile, every node is wrapped to measure itself.
 */
final class PipelineBuilder {

    private final ExecutionContext context;
    private final MemoryBudget budget;
    private final QueryProfile profile;
    private final List<Pipeline> pipelines = new ArrayList<>();
    private final Map<Pipeline, LimitedRows> limitedRows = new IdentityHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, List<ColumnBatch>> workingTables;
    /**
     * Key filters of hash joins waiting for the scan of their probe side, which is built right after (a scan
     * node takes them once: a plan that shares a node between two places gets them only in the first).
     */
    private final Map<TableScanNode, List<ScanJoinFilter>> joinFilters = new IdentityHashMap<>();
    /** The sinks of the shared results met so far, by id: the first use adds the pipeline computing one. */
    private final Map<Integer, SharedResultSink> sharedResults = new HashMap<>();

    PipelineBuilder(ExecutionContext context, MemoryBudget budget, QueryProfile profile,
                    Map<String, List<ColumnBatch>> workingTables) {
        this.context = context;
        this.budget = budget;
        this.profile = profile;
        this.workingTables = workingTables;
    }

    PlannedQuery build(PhysicalNode root) {
        long offset = 0;
        long limit = -1;
        PhysicalNode body = root;
        requireBoundBounds(root);
        if (root instanceof LimitNode limitNode) {
            // A LIMIT at the root is applied while rows are handed out: nothing is materialized.
            offset = limitNode.offset();
            limit = limitNode.limit();
            body = limitNode.input();
        }
        MorselSource source = source(body);
        ResultCollector collector = new ResultCollector(offset, limit, context, reservation(root, "buffering query results"));
        resources.add(collector);
        Pipeline result = new Pipeline("result", source, collector);
        pipelines.add(result);
        NodeStatistics rootLimit = profile != null && body != root ? profile.statistics(root) : null;
        return new PlannedQuery(pipelines, limitedRows, resources, collector, rootLimit);
    }

    private MorselSource source(PhysicalNode node) {
        requireBoundBounds(node);
        MorselSource source;
        if (node instanceof TableScanNode scan) {
            ScanCounters counters = new ScanCounters();
            statistics(node).ifPresent(statistics -> statistics.scan(counters));
            List<ScanJoinFilter> filters = joinFilters.remove(scan);
            source = timed(node, new TableScanSource(scan, context, counters, filters == null ? List.of() : filters));
            context.progress().scanPlanned(counters);
        } else if (node instanceof ValuesNode values) {
            source = timed(node, new ValuesSource(values));
        } else if (node instanceof FilterNode filter) {
            source = streaming(node, source(filter.input()), new FilterOperator(filter.condition()));
        } else if (node instanceof ProjectNode project) {
            source = streaming(node, source(project.input()), new ProjectOperator(project.expressions(), project.longWhenFits()));
        } else if (node instanceof HashJoinNode join) {
            HashBuildSink build = hashBuild(join);
            source = streaming(node, source(join.left()), new HashJoinOperator(join, build, context::checkCancelled));
        } else if (node instanceof NestedLoopJoinNode join) {
            MaterializeSink inner = new MaterializeSink(kinds(join.right()), reservation(node, "materializing a join input"));
            addPipeline("nested loop join inner side", source(join.right()), inner, node);
            source = streaming(node, source(join.left()), new NestedLoopJoinOperator(join, inner, context::checkCancelled));
        } else if (node instanceof AggregateNode aggregate) {
            Optional<CountedRightJoin.Fusion> counted = CountedRightJoin.of(aggregate);
            AggregationSink sink = new AggregationSink(counted.map(CountedRightJoin.Fusion::aggregate).orElse(aggregate),
                    context.parallelism(), reservation(node, "aggregating"), context.spillSpace());
            addPipeline("aggregation", counted.isPresent() ? countingJoin(counted.get()) : source(aggregate.input()), sink, node);
            source = timed(node, sink.output());
        } else if (node instanceof SortNode sort) {
            SortSink sink = new SortSink(sort, context.parallelism(), reservation(node, sort.limit() >= 0 ? "keeping the top rows" : "sorting"),
                    context.spillSpace());
            addPipeline("sort", source(sort.input()), sink, node);
            source = timed(node, sink.output());
        } else if (node instanceof WindowNode window) {
            // Window functions sort their input externally (spilling) and hold one partition at a time.
            WindowSink sink = new WindowSink(window, context.parallelism(), reservation(node, "computing window functions"),
                    context.spillSpace(), context::checkCancelled);
            addPipeline("window", source(window.input()), sink, node);
            source = timed(node, sink.output());
        } else if (node instanceof RepeatRowsNode repeat) {
            source = streaming(node, source(repeat.input()), new RepeatRowsOperator(repeat.countColumn()));
        } else if (node instanceof RecursiveUnionNode recursive) {
            source = timed(node, new RecursiveUnionSource(recursive, context, budget,
                    reservation(node, "keeping the rows of a recursive query")));
        } else if (node instanceof WorkingTableNode working) {
            List<ColumnBatch> batches = workingTables.get(working.name());
            if (batches == null) {
                throw new ExecutionException(ExecutionException.INTERNAL_ERROR,
                        "the working table " + working.name() + " is read outside its recursive query");
            }
            source = timed(node, new BatchListSource(() -> batches, () -> { }));
        } else if (node instanceof LimitNode limit) {
            source = limited(limit);
        } else if (node instanceof SharedResultNode shared) {
            source = sharedResult(shared);
        } else {
            UnionNode union = (UnionNode) node;
            List<MorselSource> inputs = new ArrayList<>();
            for (PhysicalNode input : union.inputs()) {
                inputs.add(source(input));
            }
            source = new ConcatenatedSource(inputs);
            if (profile != null) {
                source = new ProfiledSource(source, profile.statistics(node), false);
            }
        }
        resources.add(source);
        return source;
    }

    /** The build pipeline of {@code join}, and the join filters it gives the probe side's scans. */
    private HashBuildSink hashBuild(HashJoinNode join) {
        HashBuildSink build = new HashBuildSink(kinds(join.right()), join.rightKeys(), reservation(join, "building a hash table"),
                context.spillSpace());
        addPipeline("hash join build", source(join.right()), build, join);
        for (JoinFilterPlacement.Target target : JoinFilterPlacement.of(join)) {
            build.wantKeyFilter(target.key(), target.scan().estimatedRows());
            joinFilters.computeIfAbsent(target.scan(), scan -> new ArrayList<>())
                    .add(new ScanJoinFilter(target.column(), () -> build.keyFilter(target.key())));
        }
        return build;
    }

    /**
     * A RIGHT join that counts its matches per build row for the aggregation above it ({@link CountedRightJoin}): its
     * rows are the build rows' group columns and counts. Profiled as the join; a projection between the two has no
     * rows of its own.
     */
    private MorselSource countingJoin(CountedRightJoin.Fusion fusion) {
        HashJoinNode join = fusion.join();
        HashBuildSink build = hashBuild(join);
        MorselSource source = streaming(join, source(join.left()), new MatchCountingJoin(join, build,
                fusion.groupColumns(), fusion.countedColumns(), context::checkCancelled));
        resources.add(source);
        return source;
    }

    /** LIMIT/OFFSET parameters must have been replaced by their values; expressions check theirs when compiled. */
    private static void requireBoundBounds(PhysicalNode node) {
        Optional<Parameter> unbound = Optional.empty();
        if (node instanceof LimitNode limit) {
            unbound = limit.offsetParameter().or(limit::limitParameter);
        } else if (node instanceof SortNode sort) {
            unbound = sort.offsetParameter().or(sort::limitParameter);
        }
        if (unbound.isPresent()) {
            throw unbound.get().notBound();
        }
    }

    /** A LIMIT below the root: its pipeline keeps the input's order and stops as soon as it has its rows. */
    private MorselSource limited(LimitNode limit) {
        MemoryReservation memory = reservation(limit, "materializing limited rows");
        ResultCollector collector = new ResultCollector(limit.offset(), limit.limit(), context, memory);
        Pipeline pipeline = new Pipeline("limit", source(limit.input()), collector);
        pipelines.add(pipeline);
        resources.add(collector);
        LimitedRows rows = new LimitedRows(collector, memory);
        limitedRows.put(pipeline, rows);
        return timed(limit, new BatchListSource(rows::batches, rows));
    }

    /**
     * One use of a shared result. The first use adds the pipeline computing it, which is thereby listed before the
     * pipeline of every use (this one's is added after its source is built, later ones' later still): pipelines run
     * in list order, each to its end, so the rows are complete before any use reads them.
     */
    private MorselSource sharedResult(SharedResultNode node) {
        SharedResultSink sink = sharedResults.get(node.id());
        if (sink == null) {
            sink = new SharedResultSink(reservation(node, "keeping a result used in several places (it does not spill)"));
            MorselSource input = source(node.input());
            // Rows counted once, as they are kept; the uses are not counted again.
            addPipeline("shared result", profile == null ? input : new ProfiledSource(input, profile.statistics(node), false),
                    sink, node);
            sharedResults.put(node.id(), sink);
        }
        return sink.newConsumer();
    }

    private void addPipeline(String name, MorselSource source, Sink sink, PhysicalNode node) {
        resources.add(sink);
        Sink measured = profile == null ? sink : new ProfiledSink(sink, profile.statistics(node));
        pipelines.add(new Pipeline(name, source, measured));
    }

    private MorselSource streaming(PhysicalNode node, MorselSource input, StreamingOperator operator) {
        StreamingOperator measured = profile == null ? operator : new ProfiledOperator(operator, profile.statistics(node));
        resources.add(operator);
        return new OperatorSource(input, measured, context);
    }

    private MorselSource timed(PhysicalNode node, MorselSource source) {
        return profile == null ? source : new ProfiledSource(source, profile.statistics(node), true);
    }

    private Optional<NodeStatistics> statistics(PhysicalNode node) {
        return profile == null ? Optional.empty() : Optional.of(profile.statistics(node));
    }

    private MemoryReservation reservation(PhysicalNode node, String purpose) {
        MemoryReservation reservation = new MemoryReservation(budget, purpose);
        statistics(node).ifPresent(statistics -> statistics.track(reservation));
        resources.add(reservation);
        return reservation;
    }

    private static List<PhysicalKind> kinds(PhysicalNode node) {
        return node.output().stream().map(Column::type).map(type -> type.physicalKind()).toList();
    }

    /** The pipelines of a query, the last one feeding {@code result}, and everything to free at the end. */
    record PlannedQuery(List<Pipeline> pipelines, Map<Pipeline, LimitedRows> limitedRows, List<AutoCloseable> resources,
                        ResultCollector result, NodeStatistics rootLimitStatistics) {
    }

    /** The rows a LIMIT below the root kept, drained from its collector by the coordinating thread. */
    static final class LimitedRows implements AutoCloseable {

        private final ResultCollector collector;
        private final MemoryReservation memory;
        private final List<ColumnBatch> batches = new ArrayList<>();

        LimitedRows(ResultCollector collector, MemoryReservation memory) {
            this.collector = collector;
            this.memory = memory;
        }

        ResultCollector collector() {
            return collector;
        }

        void add(ColumnBatch batch) {
            memory.grow(VectorSizes.bytes(batch));
            batches.add(batch);
        }

        List<ColumnBatch> batches() {
            return batches;
        }

        @Override
        public void close() {
            batches.clear();
            collector.close();
            memory.close();
        }
    }
}
