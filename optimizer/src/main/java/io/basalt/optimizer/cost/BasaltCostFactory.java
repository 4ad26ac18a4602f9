package io.basalt.optimizer.cost;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptCostFactory;

/** Makes {@link BasaltCost}s for the planners; costs Calcite computes itself carry no memory. */
public final class BasaltCostFactory implements RelOptCostFactory {

    public static final BasaltCostFactory INSTANCE = new BasaltCostFactory();

    private BasaltCostFactory() {
    }

    @Override
    public RelOptCost makeCost(double rowCount, double cpu, double io) {
        return new BasaltCost(rowCount, cpu, 0, io);
    }

    @Override
    public RelOptCost makeHugeCost() {
        return BasaltCost.HUGE;
    }

    @Override
    public RelOptCost makeInfiniteCost() {
        return BasaltCost.INFINITY;
    }

    @Override
    public RelOptCost makeTinyCost() {
        return BasaltCost.TINY;
    }

    @Override
    public RelOptCost makeZeroCost() {
        return BasaltCost.ZERO;
    }
}
