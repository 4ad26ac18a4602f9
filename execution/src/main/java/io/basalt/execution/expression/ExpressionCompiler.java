package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link Expression} into a {@link CompiledExpression}: a tree of kernels, each of which evaluates
 * its arguments once per batch and then runs one type-specialised loop over primitive arrays. All choices
 * (the function's kernel family, the operand shapes, constant operands as scalars, which checks are needed)
 * are made here, once, so that evaluating a batch dispatches per batch and never per row.
 *
 * <p>Calls whose arguments are all constants are evaluated at compile time (see {@link ConstantFolding});
 * strict functions with a NULL constant argument compile to a NULL constant.
 */
public final class ExpressionCompiler {

    private ExpressionCompiler() {
    }

    public static CompiledExpression compile(Expression expression) {
        return compileOperand(expression).expression();
    }

    /**
     * As {@link #compile}, for a value read only by readers that take a wide DECIMAL as long vectors too
     * ({@link LongWhenFits}): a MULTIPLY typed as a DECIMAL wider than a long then returns the products as a
     * {@code LongVector} in every batch where they fit one (each factor below 2<sup>31</sup> in magnitude).
     */
    public static CompiledExpression compileLongWhenFits(Expression expression) {
        if (LongWhenFits.applies(expression)) {
            Call call = (Call) expression;
            Operand left = factorOperand(call.argument(0));
            Operand right = factorOperand(call.argument(1));
            if (!left.isConstant() && !right.isConstant()) {
                CompiledExpression products = DecimalArithmetic.compileLongWhenFits(call.type(), left, right);
                if (products != null) {
                    return products;
                }
            }
        }
        return compile(expression);
    }

    /** A factor of a product compiled by {@link #compileLongWhenFits}, whose kernel takes both forms: a product in turn may come as longs. */
    private static Operand factorOperand(Expression factor) {
        if (LongWhenFits.applies(factor) && ExpressionColumns.used(factor).length > 0) {
            return Operand.of(factor.type(), compileLongWhenFits(factor));
        }
        return compileOperand(factor);
    }

    static Operand compileOperand(Expression expression) {
        if (expression instanceof ColumnReference reference) {
            int index = reference.index();
            return Operand.of(reference.type(), input -> input.column(index));
        }
        if (expression instanceof Literal literal) {
            return Operand.of(literal);
        }
        if (expression instanceof Parameter parameter) {
            throw parameter.notBound();
        }
        Call call = (Call) expression;
        Function function = call.function();
        CompiledExpression compiled;
        boolean allConstant;
        if (isLazy(function)) {
            // These compile their own arguments (for evaluation on chosen rows); fold when all are constant.
            compiled = switch (function) {
                case CASE -> CaseExpressionEvaluator.compile(call);
                case COALESCE -> CoalesceEvaluator.compile(call);
                case IN -> InListCompiler.compile(call);
                default -> LogicalKernels.compileJunction(call);
            };
            allConstant = ExpressionColumns.used(call).length == 0;
        } else {
            List<Operand> arguments = new ArrayList<>(call.arguments().size());
            for (Expression argument : call.arguments()) {
                arguments.add(compileOperand(argument));
            }
            if (isStrict(function) && arguments.stream().anyMatch(Operand::isNullConstant)) {
                return Operand.of(Literal.nullOf(call.type()));
            }
            compiled = compileCall(call, arguments);
            // RANDOM has no arguments but a new value per row: never a constant.
            allConstant = function != Function.RANDOM && arguments.stream().allMatch(Operand::isConstant);
        }
        return allConstant ? ConstantFolding.fold(call.type(), compiled) : Operand.of(call.type(), compiled);
    }

    private static CompiledExpression compileCall(Call call, List<Operand> arguments) {
        Function function = call.function();
        LogicalType type = call.type();
        return switch (function) {
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO, NEGATE, ABS -> ArithmeticCompiler.compile(call, arguments);
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, IS_DISTINCT_FROM,
                    IS_NOT_DISTINCT_FROM -> ComparisonCompiler.compile(call, arguments);
            case IS_NULL, IS_NOT_NULL -> LogicalKernels.compileUnary(function, arguments.get(0));
            case NOT, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE ->
                    LogicalKernels.compileUnary(function, require(call, arguments.get(0), TypeKind.BOOLEAN));
            case NULLIF -> NullIfCompiler.compile(call, arguments);
            case CAST -> CastCompiler.compile(call, arguments);
            case LIKE -> LikeCompiler.compile(call, texts(call, arguments, arguments.size()));
            case CONCAT -> StringFunctions.concat(asText(arguments));
            case SUBSTRING -> StringFunctions.substring(substringArguments(call, arguments));
            case UPPER, LOWER -> CaseConversion.compile(function == Function.UPPER, texts(call, arguments, 1).get(0));
            case TRIM_BOTH, TRIM_LEADING, TRIM_TRAILING -> TrimFunction.compile(function, texts(call, arguments, 2).get(0), arguments.get(1));
            case CHAR_LENGTH -> StringFunctions.charLength(texts(call, arguments, 1).get(0));
            case POSITION -> StringFunctions.position(texts(call, arguments, 2).get(0), arguments.get(1));
            case REPLACE -> StringFunctions.replace(texts(call, arguments, 3).get(0), arguments.get(1), arguments.get(2));
            case EXTRACT_YEAR, EXTRACT_QUARTER, EXTRACT_MONTH, EXTRACT_DAY, EXTRACT_DAY_OF_WEEK, EXTRACT_DAY_OF_YEAR,
                    EXTRACT_HOUR, EXTRACT_MINUTE, EXTRACT_SECOND, EXTRACT_EPOCH -> DateTimeFunctions.extract(function, type, arguments.get(0));
            case ADD_DAYS -> DateTimeFunctions.addDays(type, requireDateTime(call, arguments, false), arguments.get(1));
            case ADD_MONTHS -> DateTimeFunctions.addMonths(type, requireDateTime(call, arguments, false), arguments.get(1));
            case ADD_MICROSECONDS -> DateTimeFunctions.addMicroseconds(type, requireDateTime(call, arguments, true), arguments.get(1));
            case ROUND, FLOOR, CEIL, TRUNC, POWER, SQRT, LN, EXP -> MathFunctions.compile(call, arguments);
            case LOG10, CBRT, DEGREES, RADIANS, SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, LOG ->
                    ElementaryFunctions.compile(function, doubles(call, arguments));
            case SIGN, DIV, GCD, LCM -> IntegerFunctions.compile(call, arguments);
            case GREATEST, LEAST -> GreatestLeast.compile(call, arguments);
            case RANDOM -> RandomFunction.compile();
            case LPAD, RPAD, SPLIT_PART, STARTS_WITH, LEFT, RIGHT, REPEAT, REVERSE, INITCAP, OCTET_LENGTH, ASCII, MD5 ->
                    TextFunctions.compile(function, texts(call, arguments, 1));
            case CHR -> TextFunctions.compile(function, List.of(integer(call, arguments.get(0))));
            case CONCAT_WS -> StringFunctions.concatSkippingNulls(arguments.get(0), asText(arguments.subList(1, arguments.size())));
            case CONCAT_IGNORING_NULLS -> StringFunctions.concatSkippingNulls(null, asText(arguments));
            case REGEXP_LIKE, REGEXP_REPLACE, REGEXP_COUNT, REGEXP_SUBSTR, SUBSTRING_REGEX -> RegexFunctions.compile(function, texts(call, arguments, 2));
            case SUBSTRING_SIMILAR -> RegexFunctions.substringSimilar(texts(call, arguments, 3));
            case SIMILAR_TO -> RegexFunctions.similarTo(texts(call, arguments, 3));
            case DATE_PART, DATE_TRUNC, DAYS_BETWEEN, MAKE_DATE, MAKE_TIMESTAMP -> CalendarFunctions.compile(call, arguments);
            case TO_CHAR -> toChar(call, arguments);
            case TO_DATE -> DateTextParsing.compile(texts(call, arguments, 2));
            default -> throw ExpressionErrors.notSupported("function " + function + " in execution");
        };
    }

    /** The first {@code count} arguments, which must be text (a kernel would otherwise fail at run time). */
    private static List<Operand> texts(Call call, List<Operand> arguments, int count) {
        for (int k = 0; k < count; k++) {
            if (!NumericTypes.isText(arguments.get(k).type())) {
                throw ExpressionErrors.notSupported(call.function() + " of " + arguments.get(k).type());
            }
        }
        return arguments;
    }

    /** Arguments of the DOUBLE math functions, which the optimizer has cast. */
    private static List<Operand> doubles(Call call, List<Operand> arguments) {
        for (Operand argument : arguments) {
            if (argument.type().kind() != TypeKind.DOUBLE) {
                throw ExpressionErrors.notSupported(call.function() + " of " + argument.type());
            }
        }
        return arguments;
    }

    /** TO_CHAR of a number, DATE or TIMESTAMP with a text template. */
    private static CompiledExpression toChar(Call call, List<Operand> arguments) {
        LogicalType valueType = arguments.get(0).type();
        if (NumericTypes.isText(arguments.get(1).type())) {
            if (NumericTypes.isNumeric(valueType)) {
                return NumberFormatting.compile(arguments);
            }
            if (valueType.kind() == TypeKind.DATE || valueType.kind() == TypeKind.TIMESTAMP) {
                return DateTimeFormatting.compile(arguments);
            }
        }
        throw ExpressionErrors.notSupported(call.function() + " of " + valueType + " and " + arguments.get(1).type());
    }

    /** CONCAT converts other values to text, as PostgreSQL's concat and || do. */
    private static List<Operand> asText(List<Operand> arguments) {
        List<Operand> texts = new ArrayList<>(arguments.size());
        for (Operand argument : arguments) {
            texts.add(NumericTypes.isText(argument.type()) ? argument : CastCompiler.coerce(argument, LogicalType.TEXT));
        }
        return texts;
    }

    private static List<Operand> substringArguments(Call call, List<Operand> arguments) {
        texts(call, arguments, 1);
        for (int k = 1; k < arguments.size(); k++) {
            integer(call, arguments.get(k));
        }
        return arguments;
    }

    private static Operand integer(Call call, Operand argument) {
        if (!NumericTypes.isInteger(argument.type())) {
            throw ExpressionErrors.notSupported(call.function() + " with a " + argument.type() + " argument");
        }
        return argument;
    }

    private static Operand require(Call call, Operand argument, TypeKind kind) {
        if (argument.type().kind() != kind) {
            throw ExpressionErrors.notSupported(call.function() + " of " + argument.type());
        }
        return argument;
    }

    /** The date/time argument of ADD_*, which must already have the call's type. */
    private static Operand requireDateTime(Call call, List<Operand> arguments, boolean timeAllowed) {
        Operand value = arguments.get(0);
        LogicalType type = value.type();
        boolean accepted = switch (type.kind()) {
            case DATE -> !timeAllowed;
            case TIMESTAMP -> true;
            case TIME -> timeAllowed;
            default -> false;
        };
        if (!accepted || !type.equals(call.type()) || !NumericTypes.isInteger(arguments.get(1).type())) {
            throw ExpressionErrors.notSupported(call.function() + " of " + type + " and " + arguments.get(1).type() + " as " + call.type());
        }
        return value;
    }

    /** Functions that decide per row which arguments to evaluate. */
    static boolean isLazy(Function function) {
        return function == Function.CASE || function == Function.COALESCE || function == Function.AND || function == Function.OR
                || function == Function.IN;
    }

    /** NULL in any argument gives NULL, so a NULL constant argument makes the whole call a NULL constant. */
    private static boolean isStrict(Function function) {
        return switch (function) {
            case IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE,
                    NULLIF, CONCAT_WS, CONCAT_IGNORING_NULLS, GREATEST, LEAST -> false;
            default -> true;
        };
    }
}
