package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;

import java.util.List;

/** A function applied to arguments; {@link Function} documents each one's arguments and NULL behaviour. */
public record Call(Function function, List<Expression> arguments, LogicalType type) implements Expression {

    public Call {
        arguments = List.copyOf(arguments);
    }

    public static Call of(Function function, LogicalType type, Expression... arguments) {
        return new Call(function, List.of(arguments), type);
    }

    public Expression argument(int index) {
        return arguments.get(index);
    }
}
