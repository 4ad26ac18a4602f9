package io.basalt.execution.plan;

import java.util.List;

/**
 * A node of a physical plan: the contract between the optimizer, which builds the tree from Calcite's
 * optimized plan, and the executor, which turns it into pipelines of operators. Nodes are immutable
 * records; expressions inside a node refer to its input's columns by index ({@code ColumnReference}).
 *
 * <p>{@code estimatedRows} is the optimizer's estimate, shown by EXPLAIN and used by the executor to size
 * hash tables; it is never trusted for correctness.
 */
public sealed interface PhysicalNode
        permits TableScanNode, FilterNode, ProjectNode, HashJoinNode, NestedLoopJoinNode, AggregateNode, SortNode,
        LimitNode, UnionNode, ValuesNode, WindowNode, RepeatRowsNode, RecursiveUnionNode, WorkingTableNode,
        SharedResultNode {

    List<Column> output();

    List<PhysicalNode> inputs();

    double estimatedRows();
}
