package io.basalt.optimizer.physical;

import io.basalt.optimizer.PlanningException;

/**
 * A function the validator accepted but execution has no kernel for (SQLSTATE 0A000). It names the function so
 * the planner can point at the call in the query text: the plan being converted no longer knows positions.
 */
public final class UnsupportedFunctionException extends PlanningException {

    private final String functionName;

    UnsupportedFunctionException(String what, String functionName) {
        super(FEATURE_NOT_SUPPORTED, "not supported yet: " + what);
        this.functionName = functionName;
    }

    public String functionName() {
        return functionName;
    }
}
