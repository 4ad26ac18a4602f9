package io.basalt.server.query;

import io.basalt.execution.expression.Literal;
import io.basalt.execution.parameter.ParameterValues;
import io.basalt.execution.parameter.PlanBinder;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.server.StatementException;
import io.basalt.storage.type.LogicalType;

import java.util.List;

/** A client's parameter values applied to a plan template: counted, converted to the parameters' types, bound. */
public final class ParameterBinding {

    /** SQLSTATE of a wrong number of parameter values (PostgreSQL's and JDBC's "using clause does not match"). */
    static final String WRONG_NUMBER_OF_PARAMETERS = "07001";

    private ParameterBinding() {
    }

    /** Fails with 07001 unless there is one value per parameter. */
    public static void checkCount(List<?> values, List<LogicalType> types) {
        if (values.size() != types.size()) {
            throw new StatementException(WRONG_NUMBER_OF_PARAMETERS, "the statement has " + count(types.size())
                    + ", but " + values.size() + (values.size() == 1 ? " value was" : " values were") + " given");
        }
    }

    /** The values as literals of the parameters' types; a value that does not convert fails naming its parameter. */
    static List<Literal> literals(List<?> values, List<LogicalType> types) {
        checkCount(values, types);
        return ParameterValues.toLiterals(values, types);
    }

    /** The plan to run for {@code values}: the template itself when it has no parameters. */
    static PhysicalNode bind(PlannedQuery planned, List<?> values) {
        List<Literal> literals = literals(values, planned.parameterTypes());
        return literals.isEmpty() ? planned.plan() : PlanBinder.bind(planned.plan(), literals);
    }

    private static String count(int parameters) {
        return parameters == 0 ? "no parameters" : parameters == 1 ? "1 parameter" : parameters + " parameters";
    }
}
