package io.basalt.optimizer.convention;

import io.basalt.optimizer.catalog.SystemTable;
import io.basalt.optimizer.rules.RuleConfig;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalTableScan;

/**
 * A filter straight over a table scan goes into the scan, where zone maps skip segments and blocks and rows are
 * filtered before any column the filter does not need is decoded. The scan with the filter costs less than a scan
 * and a filter, so the planner keeps it.
 */
final class ScanFilterRule extends RelRule<RuleConfig> {

    static final ScanFilterRule INSTANCE = (ScanFilterRule) new RuleConfig(RelFactories.LOGICAL_BUILDER,
            "BasaltScanFilterRule",
            b -> b.operand(LogicalFilter.class).oneInput(scan -> scan.operand(LogicalTableScan.class)
                    .predicate(table -> table.getTable().unwrap(SystemTable.class) == null).noInputs()),
            ScanFilterRule::new).toRule();

    private ScanFilterRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        TableScan scan = call.rel(1);
        call.transformTo(new BasaltTableScan(scan.getCluster(), BasaltConversionRule.basalt(filter), scan.getTable(),
                filter.getCondition()));
    }
}
