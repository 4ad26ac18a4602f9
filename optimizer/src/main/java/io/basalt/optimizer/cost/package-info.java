/**
 * Basalt's cost model: costs with CPU, memory and I/O ({@link io.basalt.optimizer.cost.BasaltCost}) and the cost
 * of each operator as Basalt's executor runs it ({@link io.basalt.optimizer.cost.OperatorCostModel}).
 */
package io.basalt.optimizer.cost;
