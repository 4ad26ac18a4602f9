package io.basalt.optimizer.cost;

import io.basalt.optimizer.convention.BasaltHashJoin;
import io.basalt.optimizer.convention.BasaltNestedLoopJoin;
import io.basalt.optimizer.convention.BasaltTableScan;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * The cost of one operator as Basalt's executor runs it (Calcite's "non-cumulative cost"), in
 * {@link BasaltCost}'s units:
 *
 * <ul>
 *   <li>scan: reads every row (I/O: rows × columns, CPU: rows); a scan with a pushed filter emits fewer rows
 *       but reads as many;</li>
 *   <li>Basalt's hash join ({@code BasaltHashJoin}): holds the build side it was given (memory: its rows; CPU:
 *       both inputs, the build side again for inserting, and the output); its nested-loop join likewise;</li>
 *   <li>logical hash join (equality keys, for join ordering): builds on the smaller input (memory: its rows; semi and anti joins build on
 *       the right), probes with the other, emits its output (CPU: both inputs + output), the way the physical
 *       plan builder will choose the build side;</li>
 *   <li>nested-loop join (no keys): compares every pair (CPU: left × right) and holds the smaller side;</li>
 *   <li>aggregate: hashes every input row and holds one entry per group;</li>
 *   <li>sort: n log n comparisons and holds the rows (a top-N only its limit);</li>
 *   <li>anything else streams its input rows once.</li>
 * </ul>
 *
 * Row widths are not modelled yet: every row weighs the same, whatever its columns.
 */
public final class OperatorCostModel implements MetadataHandler<BuiltInMetadata.NonCumulativeCost> {

    public static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
            new OperatorCostModel(), BuiltInMetadata.NonCumulativeCost.Handler.class);

    private OperatorCostModel() {
    }

    @Override
    public MetadataDef<BuiltInMetadata.NonCumulativeCost> getDef() {
        return BuiltInMetadata.NonCumulativeCost.DEF;
    }

    public RelOptCost getNonCumulativeCost(TableScan scan, RelMetadataQuery mq) {
        double rows = rows(scan, mq);
        return new BasaltCost(rows, rows, 0, rows * scan.getRowType().getFieldCount());
    }

    public RelOptCost getNonCumulativeCost(BasaltTableScan scan, RelMetadataQuery mq) {
        // Every row of the table is read (zone maps may skip some; not modelled), the filter evaluated on each.
        double read = Math.max(scan.getTable().getRowCount(), 1.0);
        double output = rows(scan, mq);
        return new BasaltCost(output, read, 0, read * scan.getRowType().getFieldCount());
    }

    public RelOptCost getNonCumulativeCost(BasaltHashJoin join, RelMetadataQuery mq) {
        double left = rows(join.getLeft(), mq);
        double right = rows(join.getRight(), mq);
        double build = join.buildsLeft() ? left : right;
        double output = rows(join, mq);
        // Inserting a row into the hash table costs about as much again as probing with one.
        return new BasaltCost(output, left + right + build + output, build, 0);
    }

    public RelOptCost getNonCumulativeCost(BasaltNestedLoopJoin join, RelMetadataQuery mq) {
        double left = rows(join.getLeft(), mq);
        double right = rows(join.getRight(), mq);
        double output = rows(join, mq);
        return new BasaltCost(output, left * right + output, join.holdsLeft() ? left : right, 0);
    }

    public RelOptCost getNonCumulativeCost(Join join, RelMetadataQuery mq) {
        double left = rows(join.getLeft(), mq);
        double right = rows(join.getRight(), mq);
        double output = rows(join, mq);
        boolean buildsOnRight = !join.getJoinType().projectsRight();
        double build = buildsOnRight ? right : Math.min(left, right);
        if (join.analyzeCondition().leftKeys.isEmpty()) {
            return new BasaltCost(output, left * right + output, build, 0);
        }
        return new BasaltCost(output, left + right + output, build, 0);
    }

    public RelOptCost getNonCumulativeCost(Aggregate aggregate, RelMetadataQuery mq) {
        double input = rows(aggregate.getInput(), mq);
        double groups = rows(aggregate, mq);
        return new BasaltCost(groups, input + groups, aggregate.getGroupSet().isEmpty() ? 0 : groups, 0);
    }

    public RelOptCost getNonCumulativeCost(Sort sort, RelMetadataQuery mq) {
        double input = rows(sort.getInput(), mq);
        double output = rows(sort, mq);
        if (sort.getCollation().getFieldCollations().isEmpty()) {
            return new BasaltCost(output, output, 0, 0);
        }
        double held = input;
        if (sort.fetch instanceof RexLiteral) {
            held = Math.min(input, limitOf(sort.fetch) + limitOf(sort.offset));
        }
        return new BasaltCost(output, input * log2(held), held, 0);
    }

    public RelOptCost getNonCumulativeCost(RelNode rel, RelMetadataQuery mq) {
        double output = rows(rel, mq);
        double processed = rel.getInputs().isEmpty() ? output : 0;
        for (RelNode input : rel.getInputs()) {
            processed += rows(input, mq);
        }
        return new BasaltCost(output, processed, 0, 0);
    }

    private static double rows(RelNode rel, RelMetadataQuery mq) {
        Double rows = mq.getRowCount(rel);
        return rows == null ? 1.0 : Math.max(rows, 1.0);
    }

    private static double limitOf(RexNode bound) {
        if (bound instanceof RexLiteral literal) {
            Number value = literal.getValueAs(Number.class);
            return value == null ? 0 : value.doubleValue();
        }
        return 0;
    }

    private static double log2(double value) {
        return Math.max(1.0, Math.log(value) / Math.log(2));
    }
}
