package io.basalt.optimizer.convention;

import com.google.common.collect.ImmutableList;
import io.basalt.optimizer.rules.RepeatRows;
import io.basalt.optimizer.rules.SharedSubplan;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.Spool;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalRepeatUnion;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.logical.LogicalTableSpool;
import org.apache.calcite.rel.logical.LogicalUnion;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.logical.LogicalWindow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One logical operator to its single Basalt counterpart (scan, filter, project, aggregate, sort, window, union, values, shared subplan):
 * these have one physical form each, so the rule only changes the convention. Joins, which have alternatives,
 * have their own rule ({@link BasaltJoinRule}), as has a filter pushed into a scan ({@link ScanFilterRule}).
 */
final class BasaltConversionRule extends ConverterRule {

    private final Function<RelNode, RelNode> conversion;

    private BasaltConversionRule(Config config, Function<RelNode, RelNode> conversion) {
        super(config);
        this.conversion = conversion;
    }

    @Override
    public RelNode convert(RelNode rel) {
        return conversion.apply(rel);
    }

    static List<ConverterRule> all() {
        return List.of(
                rule(LogicalTableScan.class, rel -> new BasaltTableScan(rel.getCluster(), basalt(rel), rel.getTable(), null)),
                rule(LogicalFilter.class, rel -> {
                    Filter filter = (Filter) rel;
                    return new BasaltFilter(rel.getCluster(), basalt(rel), input(filter.getInput()), filter.getCondition());
                }),
                rule(LogicalProject.class, rel -> {
                    Project project = (Project) rel;
                    return new BasaltProject(rel.getCluster(), basalt(rel), input(project.getInput()),
                            project.getProjects(), project.getRowType());
                }),
                rule(LogicalAggregate.class, rel -> {
                    Aggregate aggregate = (Aggregate) rel;
                    return new BasaltHashAggregate(rel.getCluster(), basalt(rel), input(aggregate.getInput()),
                            aggregate.getGroupSet(), aggregate.getGroupSets(), aggregate.getAggCallList());
                }),
                rule(LogicalSort.class, rel -> {
                    Sort sort = (Sort) rel;
                    return new BasaltSort(rel.getCluster(), basalt(rel), input(sort.getInput()), sort.getCollation(),
                            sort.offset, sort.fetch);
                }),
                rule(LogicalWindow.class, rel -> {
                    Window window = (Window) rel;
                    return new BasaltWindow(rel.getCluster(), basalt(rel), input(window.getInput()), window.constants,
                            window.getRowType(), window.groups);
                }),
                rule(LogicalUnion.class, rel -> {
                    Union union = (Union) rel;
                    List<RelNode> inputs = new ArrayList<>();
                    for (RelNode input : union.getInputs()) {
                        inputs.add(input(input));
                    }
                    return new BasaltUnion(rel.getCluster(), basalt(rel), inputs, union.all);
                }),
                rule(LogicalRepeatUnion.class, rel -> {
                    RepeatUnion union = (RepeatUnion) rel;
                    return new BasaltRecursiveUnion(rel.getCluster(), basalt(rel), input(union.getSeedRel()),
                            input(union.getIterativeRel()), union.all, union.iterationLimit, union.getTransientTable());
                }),
                // Calcite writes each side of a recursive query into the transient table through a spool; Basalt's
                // recursive union keeps the working table itself, so a spool is just its input.
                rule(LogicalTableSpool.class, rel -> input(((Spool) rel).getInput())),
                rule(RepeatRows.class, rel -> new BasaltRepeatRows(rel.getCluster(), basalt(rel),
                        input(((RepeatRows) rel).getInput()))),
                rule(SharedSubplan.class, rel -> {
                    SharedSubplan shared = (SharedSubplan) rel;
                    return new BasaltSharedSubplan(rel.getCluster(), basalt(rel), input(shared.getInput()), shared.id(),
                            shared.uses());
                }),
                rule(LogicalValues.class, rel -> {
                    Values values = (Values) rel;
                    return new BasaltValues(rel.getCluster(), rel.getRowType(), ImmutableList.copyOf(values.getTuples()),
                            basalt(rel));
                }));
    }

    private static ConverterRule rule(Class<? extends RelNode> logical, Function<RelNode, RelNode> conversion) {
        return Config.INSTANCE
                .withConversion(logical, Convention.NONE, BasaltRel.CONVENTION, "Basalt" + logical.getSimpleName() + "Rule")
                .withRuleFactory(config -> new BasaltConversionRule(config, conversion))
                .toRule(ConverterRule.class);
    }

    static RelTraitSet basalt(RelNode rel) {
        return rel.getTraitSet().replace(BasaltRel.CONVENTION);
    }

    /** The input asked for in Basalt's convention (the planner finds or builds that form of it). */
    static RelNode input(RelNode input) {
        return convert(input, basalt(input));
    }
}
