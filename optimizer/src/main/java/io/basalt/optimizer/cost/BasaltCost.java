package io.basalt.optimizer.cost;

import org.apache.calcite.plan.RelOptCost;

/**
 * The cost of a plan in Basalt's model: rows it produces, CPU work (rows processed), memory (rows held by hash
 * tables and sorts, which also bounds what a query can run within its budget) and I/O (column values read from
 * segments). Plans compare by one weighted total, {@code cpu + 2 × memory + io}: unlike Calcite's VolcanoCost,
 * which compares row counts only, it tells a hash join that builds on the small side from one that builds on the
 * large side, and a plan that reads fewer columns from one that reads more.
 */
public final class BasaltCost implements RelOptCost {

    /** A row kept in a hash table or sort buffer costs about twice a row streamed through: it is written and read. */
    static final double MEMORY_WEIGHT = 2.0;
    static final double IO_WEIGHT = 1.0;

    static final BasaltCost INFINITY = new BasaltCost(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    static final BasaltCost HUGE = new BasaltCost(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);
    static final BasaltCost ZERO = new BasaltCost(0, 0, 0, 0);
    static final BasaltCost TINY = new BasaltCost(1, 1, 0, 0);

    private static final double EPSILON = 1e-9;

    private final double rows;
    private final double cpu;
    private final double memory;
    private final double io;

    public BasaltCost(double rows, double cpu, double memory, double io) {
        this.rows = rows;
        this.cpu = cpu;
        this.memory = memory;
        this.io = io;
    }

    /** The single number plans are compared by. */
    public double total() {
        return cpu + MEMORY_WEIGHT * memory + IO_WEIGHT * io;
    }

    public double getMemory() {
        return memory;
    }

    @Override
    public double getRows() {
        return rows;
    }

    @Override
    public double getCpu() {
        return cpu;
    }

    @Override
    public double getIo() {
        return io;
    }

    @Override
    public boolean isInfinite() {
        return this == INFINITY || Double.isInfinite(total());
    }

    @Override
    public boolean equals(RelOptCost other) {
        return other instanceof BasaltCost cost && rows == cost.rows && cpu == cost.cpu && memory == cost.memory
                && io == cost.io;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BasaltCost cost && equals((RelOptCost) cost);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(total());
    }

    @Override
    public boolean isEqWithEpsilon(RelOptCost other) {
        double mine = total();
        double theirs = of(other).total();
        return mine == theirs || Math.abs(mine - theirs) <= EPSILON * Math.max(Math.abs(mine), Math.abs(theirs));
    }

    @Override
    public boolean isLe(RelOptCost other) {
        return total() <= of(other).total();
    }

    @Override
    public boolean isLt(RelOptCost other) {
        return total() < of(other).total();
    }

    @Override
    public RelOptCost plus(RelOptCost other) {
        BasaltCost cost = of(other);
        if (isInfinite() || cost.isInfinite()) {
            return INFINITY;
        }
        return new BasaltCost(rows + cost.rows, cpu + cost.cpu, memory + cost.memory, io + cost.io);
    }

    @Override
    public RelOptCost minus(RelOptCost other) {
        BasaltCost cost = of(other);
        if (isInfinite()) {
            return this;
        }
        return new BasaltCost(rows - cost.rows, cpu - cost.cpu, memory - cost.memory, io - cost.io);
    }

    @Override
    public RelOptCost multiplyBy(double factor) {
        if (isInfinite()) {
            return this;
        }
        return new BasaltCost(rows * factor, cpu * factor, memory * factor, io * factor);
    }

    @Override
    public double divideBy(RelOptCost other) {
        double theirs = of(other).total();
        return theirs == 0 ? 1.0 : total() / theirs;
    }

    @Override
    public String toString() {
        return "{" + RelOptCost.toString(rows) + " rows, " + RelOptCost.toString(cpu) + " cpu, "
                + RelOptCost.toString(memory) + " memory, " + RelOptCost.toString(io) + " io}";
    }

    /** Costs from Calcite's own formulas (rows, cpu, io) join the model with no memory. */
    private static BasaltCost of(RelOptCost cost) {
        if (cost instanceof BasaltCost basalt) {
            return basalt;
        }
        return new BasaltCost(cost.getRows(), cost.getCpu(), 0, cost.getIo());
    }
}
