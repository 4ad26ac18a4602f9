package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.optimizer.PlanningException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the types of arguments that must agree agree (comparisons, IN lists, CASE branches, COALESCE, join
 * keys, UNION inputs), as execution's contract requires: the executor never converts on its own. Calcite leaves
 * many such differences implicit ({@code DECIMAL(15,2) < INTEGER}, {@code CHAR(10) = CHAR(4)}).
 *
 * <p>Constants adopt the other side's type when they fit it exactly (so {@code l_quantity < 24} compares with
 * the constant 24.00 rather than casting every row); otherwise everything is cast to the common type.
 */
final class TypeCoercion {

    private TypeCoercion() {
    }

    /** The arguments, cast where needed to one common type. */
    static List<Expression> unify(List<Expression> compared) {
        List<Expression> arguments = charComparedWithConstants(compared);
        LogicalType target = null;
        for (Expression argument : arguments) {
            if (!(argument instanceof Literal)) {
                target = target == null ? argument.type() : common(target, argument.type());
            }
        }
        for (Expression argument : arguments) {
            if (argument instanceof Literal literal && !literal.isNull()) {
                if (target == null) {
                    target = literal.type();
                } else if (LiteralValues.retype(literal, target).isEmpty()) {
                    target = common(target, literal.type());
                }
            }
        }
        if (target == null) {
            target = arguments.get(0).type();
        }
        List<Expression> cast = new ArrayList<>(arguments.size());
        for (Expression argument : arguments) {
            cast.add(castTo(argument, target));
        }
        return cast;
    }

    /**
     * A CHAR value compared with text constants only is compared as CHAR, so that the constants' trailing blanks do
     * not count: PostgreSQL gives a constant the type of what it is compared with ({@code code = 'ab  '} is true for
     * the CHAR value {@code 'ab'}). Calcite casts the CHAR side to VARCHAR instead when a constant is VARCHAR (one
     * with trailing blanks is, see {@code PostgresSpellings}); that cast is dropped here.
     */
    private static List<Expression> charComparedWithConstants(List<Expression> arguments) {
        int valueIndex = -1;
        for (int i = 0; i < arguments.size(); i++) {
            if (!(arguments.get(i) instanceof Literal constant)) {
                if (valueIndex >= 0) {
                    return arguments;
                }
                valueIndex = i;
            } else if (!LiteralValues.isText(constant.type())) {
                return arguments;
            }
        }
        if (valueIndex < 0 || !(arguments.get(valueIndex) instanceof Call cast) || cast.function() != Function.CAST
                || cast.arguments().get(0).type().kind() != TypeKind.CHAR || !LiteralValues.isText(cast.type())) {
            return arguments;
        }
        List<Expression> unwrapped = new ArrayList<>(arguments);
        unwrapped.set(valueIndex, cast.arguments().get(0));
        return unwrapped;
    }

    /** The expression as {@code target}: itself, a retyped constant, or a CAST. */
    static Expression castTo(Expression expression, LogicalType target) {
        if (expression.type().equals(target)) {
            return expression;
        }
        if (expression instanceof Literal literal) {
            Optional<Literal> retyped = LiteralValues.retype(literal, target);
            if (retyped.isPresent()) {
                return retyped.get();
            }
        }
        if (!canCast(expression.type(), target)) {
            throw new PlanningException(PlanningException.CANNOT_COERCE,
                    "cannot cast type " + expression.type() + " to " + target);
        }
        return Call.of(Function.CAST, target, expression);
    }

    /**
     * The conversions execution's CAST implements: between numeric types, to and from text, DATE and TIMESTAMP,
     * and between types of one kind. Calcite allows more (an INTEGER to a DATE, to make {@code CASE} branches
     * agree); those are errors here rather than plans the executor cannot run.
     */
    static boolean canCast(LogicalType source, LogicalType target) {
        return source.kind() == target.kind()
                || (isNumeric(source) && isNumeric(target))
                || LiteralValues.isText(source) || LiteralValues.isText(target)
                || (isDatetime(source) && isDatetime(target))
                || (source.kind() == TypeKind.BOOLEAN && isInteger(target))
                || (isInteger(source) && target.kind() == TypeKind.BOOLEAN);
    }

    static LogicalType common(LogicalType a, LogicalType b) {
        if (a.equals(b)) {
            return a;
        }
        if (isNumeric(a) && isNumeric(b)) {
            return commonNumeric(a, b);
        }
        if (LiteralValues.isText(a) && LiteralValues.isText(b)) {
            if (!a.isBoundedLength() || !b.isBoundedLength()) {
                return LogicalType.TEXT;
            }
            return LogicalType.varchar(Math.max(a.length(), b.length()));
        }
        if (isDatetime(a) && isDatetime(b)) {
            return LogicalType.TIMESTAMP;
        }
        throw new PlanningException(PlanningException.DATATYPE_MISMATCH, "types " + a + " and " + b + " cannot be matched");
    }

    private static LogicalType commonNumeric(LogicalType a, LogicalType b) {
        if (a.kind() == TypeKind.DOUBLE || b.kind() == TypeKind.DOUBLE) {
            return LogicalType.DOUBLE;
        }
        if (a.kind() == TypeKind.REAL || b.kind() == TypeKind.REAL) {
            return a.kind() == b.kind() ? LogicalType.REAL : LogicalType.DOUBLE;
        }
        if (a.kind() != TypeKind.DECIMAL && b.kind() != TypeKind.DECIMAL) {
            return integerDigits(a) >= integerDigits(b) ? a : b;
        }
        int scale = Math.max(scale(a), scale(b));
        int integerDigits = Math.max(integerDigits(a), integerDigits(b));
        int precision = Math.min(LogicalType.MAX_DECIMAL_PRECISION, integerDigits + scale);
        return LogicalType.decimal(precision, Math.min(scale, precision));
    }

    /** DECIMAL(p,0) holding every value of an integer type, for arithmetic that mixes it with DECIMALs. */
    static LogicalType asDecimal(LogicalType integer) {
        return LogicalType.decimal(integerDigits(integer), 0);
    }

    static int integerDigits(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            case DECIMAL -> type.precision() - type.scale();
            default -> throw new IllegalArgumentException("not an exact numeric type: " + type);
        };
    }

    private static int scale(LogicalType type) {
        return type.kind() == TypeKind.DECIMAL ? type.scale() : 0;
    }

    static boolean isNumeric(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            default -> false;
        };
    }

    static boolean isInteger(LogicalType type) {
        return switch (type.kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    private static boolean isDatetime(LogicalType type) {
        return type.kind() == TypeKind.DATE || type.kind() == TypeKind.TIMESTAMP;
    }
}
