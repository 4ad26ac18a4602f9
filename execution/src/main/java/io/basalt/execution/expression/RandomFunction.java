package io.basalt.execution.expression;

import io.basalt.storage.vector.DoubleVector;

import java.util.concurrent.ThreadLocalRandom;

/** {@code RANDOM()}: a uniformly distributed DOUBLE in [0, 1) for every row, from the thread's generator. */
final class RandomFunction {

    private RandomFunction() {
    }

    static CompiledExpression compile() {
        return input -> {
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            double[] out = result.values();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < rows; i++) {
                out[i] = random.nextDouble();
            }
            return result;
        };
    }
}
