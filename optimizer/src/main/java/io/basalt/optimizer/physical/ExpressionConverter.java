package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.expression.Parameter;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.Sarg;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates Calcite's scalar expressions ({@code RexNode}) over an operator's input into execution's
 * {@link Expression}s. Every implicit conversion becomes explicit (see {@link TypeCoercion}), Calcite's forms
 * become the executor's functions ({@link Function}): SEARCH ranges become IN lists or comparisons, date plus
 * interval becomes {@code ADD_DAYS}/{@code ADD_MONTHS}/{@code ADD_MICROSECONDS}, and the CASE shapes Calcite
 * rewrites COALESCE and NULLIF into become those functions again. Anything else fails with SQLSTATE 0A000 naming
 * the construct; a plan is never guessed.
 */
final class ExpressionConverter {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** The unit an interval amount is counted in, which decides the date function that adds it. */
    private enum IntervalUnit {
        MONTHS(Function.ADD_MONTHS), DAYS(Function.ADD_DAYS), MICROSECONDS(Function.ADD_MICROSECONDS);

        final Function addFunction;

        IntervalUnit(Function addFunction) {
            this.addFunction = addFunction;
        }
    }

    private final List<LogicalType> inputTypes;
    private final RexBuilder rexBuilder;
    private final ScalarFunctionConverter scalarFunctions;

    /** {@code statementStart} is the local time {@code current_timestamp} and {@code now()} stand for. */
    ExpressionConverter(List<LogicalType> inputTypes, RexBuilder rexBuilder, LocalDateTime statementStart) {
        this.inputTypes = List.copyOf(inputTypes);
        this.rexBuilder = rexBuilder;
        this.scalarFunctions = new ScalarFunctionConverter(this, statementStart);
    }

    Expression convert(RexNode node) {
        if (node instanceof RexInputRef reference) {
            return new ColumnReference(reference.getIndex(), inputTypes.get(reference.getIndex()));
        }
        if (node instanceof RexLiteral literal) {
            if (SqlTypeUtil.isInterval(literal.getType())) {
                throw PlanningException.notSupported("interval values outside date arithmetic");
            }
            return LiteralValues.of(literal, TypeMapping.toBasalt(literal.getType()));
        }
        if (node instanceof RexOver) {
            throw PlanningException.notSupported("window functions");
        }
        if (node instanceof RexDynamicParam parameter) {
            return new Parameter(parameter.getIndex(), typeOf(parameter));
        }
        if (node instanceof RexCall call) {
            return convertCall(call);
        }
        throw PlanningException.notSupported("the expression " + node + " (" + node.getKind() + ")");
    }

    List<Expression> convertAll(List<RexNode> nodes) {
        List<Expression> expressions = new ArrayList<>(nodes.size());
        for (RexNode node : nodes) {
            expressions.add(convert(node));
        }
        return expressions;
    }

    private Expression convertCall(RexCall call) {
        return switch (call.getKind()) {
            case CAST -> cast(call);
            case PLUS -> isDatePlusDays(call) ? addDays(call, 1)
                    : isDatetimeArithmetic(call) ? addInterval(call, 1) : arithmetic(call, Function.ADD);
            case MINUS -> isDateDifference(call) ? daysBetween(call) : isDatePlusDays(call) ? addDays(call, -1)
                    : isDatetimeArithmetic(call) ? addInterval(call, -1) : arithmetic(call, Function.SUBTRACT);
            case TIMES -> arithmetic(call, Function.MULTIPLY);
            case DIVIDE -> arithmetic(call, Function.DIVIDE);
            case MOD -> modulo(call);
            case MINUS_PREFIX -> arithmetic(call, Function.NEGATE);
            case PLUS_PREFIX -> convert(call.getOperands().get(0));
            case EQUALS -> comparison(call, Function.EQUAL);
            case NOT_EQUALS -> comparison(call, Function.NOT_EQUAL);
            case LESS_THAN -> comparison(call, Function.LESS_THAN);
            case LESS_THAN_OR_EQUAL -> comparison(call, Function.LESS_THAN_OR_EQUAL);
            case GREATER_THAN -> comparison(call, Function.GREATER_THAN);
            case GREATER_THAN_OR_EQUAL -> comparison(call, Function.GREATER_THAN_OR_EQUAL);
            case IS_DISTINCT_FROM -> comparison(call, Function.IS_DISTINCT_FROM);
            case IS_NOT_DISTINCT_FROM -> comparison(call, Function.IS_NOT_DISTINCT_FROM);
            case AND -> logical(call, Function.AND);
            case OR -> logical(call, Function.OR);
            case NOT -> logical(call, Function.NOT);
            case IS_NULL -> predicate(call, Function.IS_NULL);
            case IS_NOT_NULL -> predicate(call, Function.IS_NOT_NULL);
            case IS_TRUE -> predicate(call, Function.IS_TRUE);
            case IS_NOT_TRUE -> predicate(call, Function.IS_NOT_TRUE);
            case IS_FALSE -> predicate(call, Function.IS_FALSE);
            case IS_NOT_FALSE -> predicate(call, Function.IS_NOT_FALSE);
            case CASE -> caseExpression(call);
            case COALESCE -> sameTypeFunction(call, Function.COALESCE);
            case NULLIF -> nullIf(convert(call.getOperands().get(0)), convert(call.getOperands().get(1)), call);
            case SEARCH -> search(call);
            case LIKE -> like(call);
            case SIMILAR -> similar(call);
            case EXTRACT -> extract(call);
            case TRIM -> trim(call);
            case POSITION -> position(call.getOperands().get(0), call.getOperands().get(1), call);
            default -> byName(call);
        };
    }

    private Expression byName(RexCall call) {
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        List<RexNode> operands = call.getOperands();
        LogicalType type = typeOf(call);
        return switch (name) {
            case "SUBSTRING", "SUBSTR" -> substring(call);
            case "CHAR_LENGTH", "CHARACTER_LENGTH", "LENGTH" -> Call.of(Function.CHAR_LENGTH, type, convert(operands.get(0)));
            case "UPPER" -> Call.of(Function.UPPER, type, convert(operands.get(0)));
            case "LOWER" -> Call.of(Function.LOWER, type, convert(operands.get(0)));
            case "||" -> concat(call);
            case "REPLACE" -> new Call(Function.REPLACE, convertAll(operands), type);
            case "ABS" -> Call.of(Function.ABS, type, TypeCoercion.castTo(convert(operands.get(0)), type));
            case "MOD" -> modulo(call);
            case "ROUND" -> rounding(call, Function.ROUND);
            case "FLOOR" -> rounding(call, Function.FLOOR);
            case "CEIL", "CEILING" -> rounding(call, Function.CEIL);
            case "POWER" -> doubleFunction(call, Function.POWER);
            case "SQRT" -> doubleFunction(call, Function.SQRT);
            case "LN" -> doubleFunction(call, Function.LN);
            case "EXP" -> doubleFunction(call, Function.EXP);
            case "STRPOS" -> position(operands.get(1), operands.get(0), call);
            case "DATE" -> {
                if (operands.size() != 1 || !SqlTypeUtil.isCharacter(operands.get(0).getType())) {
                    throw PlanningException.notSupported("function DATE with these arguments");
                }
                yield Call.of(Function.CAST, LogicalType.DATE, convert(operands.get(0)));
            }
            default -> scalarFunctions.convert(name, call).orElseThrow(() -> new UnsupportedFunctionException(
                    "function " + call.getOperator().getName(), call.getOperator().getName()));
        };
    }

    private Expression cast(RexCall call) {
        RexNode operand = call.getOperands().get(0);
        if (SqlTypeUtil.isInterval(operand.getType()) || SqlTypeUtil.isInterval(call.getType())) {
            throw PlanningException.notSupported("casts of intervals");
        }
        return TypeCoercion.castTo(convert(operand), typeOf(call));
    }

    /**
     * Arithmetic: DECIMAL results take DECIMAL operands with their own scales (integers become DECIMAL(p,0));
     * other results take operands of the result type.
     */
    private Expression arithmetic(RexCall call, Function function) {
        LogicalType type = typeOf(call);
        List<Expression> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            Expression expression = convert(operand);
            if (type.kind() == TypeKind.DECIMAL && TypeCoercion.isInteger(expression.type())) {
                expression = TypeCoercion.castTo(expression, TypeCoercion.asDecimal(expression.type()));
            } else if (type.kind() != TypeKind.DECIMAL || expression.type().kind() != TypeKind.DECIMAL) {
                expression = TypeCoercion.castTo(expression, type);
            }
            operands.add(expression);
        }
        return new Call(function, operands, type);
    }

    /**
     * {@code a % b} of integers is computed in the wider of the operands' types and then cast to the call's: Calcite
     * types the call as the divisor ({@code bigint % 7} is INTEGER), which every remainder fits (its magnitude is below
     * the divisor's), but casting the dividend to it first failed with 22003 for a BIGINT beyond INTEGER's range.
     */
    private Expression modulo(RexCall call) {
        LogicalType type = typeOf(call);
        List<Expression> operands = convertAll(call.getOperands());
        if (!TypeCoercion.isInteger(type) || !operands.stream().allMatch(operand -> TypeCoercion.isInteger(operand.type()))) {
            return arithmetic(call, Function.MODULO);
        }
        List<Expression> widened = TypeCoercion.unify(operands);
        return TypeCoercion.castTo(new Call(Function.MODULO, widened, widened.get(0).type()), type);
    }

    private Expression comparison(RexCall call, Function function) {
        return new Call(function, TypeCoercion.unify(convertAll(call.getOperands())), LogicalType.BOOLEAN);
    }

    private Expression logical(RexCall call, Function function) {
        return new Call(function, convertAll(call.getOperands()), LogicalType.BOOLEAN);
    }

    private Expression predicate(RexCall call, Function function) {
        return Call.of(function, LogicalType.BOOLEAN, convert(call.getOperands().get(0)));
    }

    private Expression sameTypeFunction(RexCall call, Function function) {
        LogicalType type = typeOf(call);
        List<Expression> arguments = new ArrayList<>();
        for (Expression argument : convertAll(call.getOperands())) {
            arguments.add(TypeCoercion.castTo(argument, type));
        }
        return new Call(function, arguments, type);
    }

    private Expression nullIf(Expression value, Expression other, RexCall call) {
        List<Expression> compared = TypeCoercion.unify(List.of(value, other));
        Expression nullIf = new Call(Function.NULLIF, compared, compared.get(0).type());
        return TypeCoercion.castTo(nullIf, typeOf(call));
    }

    /**
     * CASE, or the function Calcite's validator rewrote into this CASE: COALESCE becomes
     * {@code CASE WHEN a IS NOT NULL THEN a … ELSE z END} and NULLIF {@code CASE WHEN a = b THEN NULL ELSE a END}.
     */
    private Expression caseExpression(RexCall call) {
        List<RexNode> operands = call.getOperands();
        LogicalType type = typeOf(call);
        if (isCoalesceShape(operands) && thenValuesAreTheTestedOnes(operands)) {
            List<Expression> arguments = new ArrayList<>();
            for (int i = 0; i + 1 < operands.size(); i += 2) {
                arguments.add(TypeCoercion.castTo(convert(operands.get(i + 1)), type));
            }
            arguments.add(TypeCoercion.castTo(convert(operands.get(operands.size() - 1)), type));
            return new Call(Function.COALESCE, arguments, type);
        }
        if (isNullIfShape(operands) && convert(((RexCall) operands.get(0)).getOperands().get(0)).equals(convert(operands.get(2)))) {
            RexCall equal = (RexCall) operands.get(0);
            return nullIf(convert(equal.getOperands().get(0)), convert(equal.getOperands().get(1)), call);
        }
        List<Expression> arguments = new ArrayList<>();
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            arguments.add(convert(operands.get(i)));
            arguments.add(TypeCoercion.castTo(convert(operands.get(i + 1)), type));
        }
        arguments.add(operands.size() % 2 == 1
                ? TypeCoercion.castTo(convert(operands.get(operands.size() - 1)), type)
                : Literal.nullOf(type));
        return new Call(Function.CASE, arguments, type);
    }

    private static boolean isCoalesceShape(List<RexNode> operands) {
        if (operands.size() < 3 || operands.size() % 2 == 0) {
            return false;
        }
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            if (operands.get(i).getKind() != SqlKind.IS_NOT_NULL) {
                return false;
            }
        }
        return true;
    }

    /** Each THEN is the value its WHEN tests for NULL (compared after conversion: Calcite adds NOT NULL casts). */
    private boolean thenValuesAreTheTestedOnes(List<RexNode> operands) {
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            Expression tested = convert(((RexCall) operands.get(i)).getOperands().get(0));
            if (!tested.equals(convert(operands.get(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNullIfShape(List<RexNode> operands) {
        return operands.size() == 3 && operands.get(0).getKind() == SqlKind.EQUALS
                && RexUtil.isNullLiteral(operands.get(1), true);
    }

    /** SEARCH(x, Sarg): IN lists for sets of values, else Calcite's expansion into comparisons. */
    private Expression search(RexCall call) {
        RexNode value = call.getOperands().get(0);
        RexLiteral argument = (RexLiteral) call.getOperands().get(1);
        Sarg<?> sarg = argument.getValueAs(Sarg.class);
        if (sarg == null || !(sarg.isPoints() || sarg.isComplementedPoints())) {
            return convert(RexUtil.expandSearch(rexBuilder, null, call));
        }
        boolean complemented = !sarg.isPoints();
        LogicalType constantType = TypeMapping.toBasalt(argument.getType());
        List<Expression> arguments = new ArrayList<>();
        arguments.add(convert(value));
        var points = complemented ? sarg.rangeSet.complement().asRanges() : sarg.rangeSet.asRanges();
        for (var range : points) {
            Object point = range.lowerEndpoint();
            arguments.add(LiteralValues.convert(point, constantType).orElseThrow(() -> PlanningException.notSupported(
                    "the constant " + point + " as " + constantType)));
        }
        List<Expression> unified = TypeCoercion.unify(arguments);
        Expression membership = unified.size() == 2
                ? new Call(Function.EQUAL, unified, LogicalType.BOOLEAN)
                : new Call(Function.IN, unified, LogicalType.BOOLEAN);
        if (complemented) {
            membership = Call.of(Function.NOT, LogicalType.BOOLEAN, membership);
        }
        Expression tested = unified.get(0);
        if (sarg.nullAs == RexUnknownAs.TRUE) {
            return Call.of(Function.OR, LogicalType.BOOLEAN, Call.of(Function.IS_NULL, LogicalType.BOOLEAN, tested), membership);
        }
        if (sarg.nullAs == RexUnknownAs.FALSE && value.getType().isNullable()) {
            return Call.of(Function.AND, LogicalType.BOOLEAN, Call.of(Function.IS_NOT_NULL, LogicalType.BOOLEAN, tested),
                    membership);
        }
        return membership;
    }

    private Expression like(RexCall call) {
        SqlLikeOperator operator = (SqlLikeOperator) call.getOperator();
        if (!operator.isCaseSensitive()) {
            throw PlanningException.notSupported("ILIKE");
        }
        Expression like = new Call(Function.LIKE, convertAll(call.getOperands()), LogicalType.BOOLEAN);
        return operator.isNegated() ? Call.of(Function.NOT, LogicalType.BOOLEAN, like) : like;
    }

    /**
     * {@code value [NOT] SIMILAR TO pattern [ESCAPE escape]}, the whole value matching a SQL regular expression; the
     * escape character is a backslash when none is given, as in PostgreSQL (the parser's rewrite adds it where the
     * pattern could hold one, see PostgresSpellings).
     */
    private Expression similar(RexCall call) {
        List<Expression> arguments = new ArrayList<>(convertAll(call.getOperands()));
        if (arguments.size() == 2) {
            arguments.add(new Literal("\\", LogicalType.TEXT));
        }
        Expression similar = new Call(Function.SIMILAR_TO, arguments, LogicalType.BOOLEAN);
        return ((SqlLikeOperator) call.getOperator()).isNegated() ? Call.of(Function.NOT, LogicalType.BOOLEAN, similar) : similar;
    }

    private Expression extract(RexCall call) {
        TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
        Function function = switch (unit == null ? TimeUnitRange.MICROSECOND : unit) {
            case YEAR -> Function.EXTRACT_YEAR;
            case QUARTER -> Function.EXTRACT_QUARTER;
            case MONTH -> Function.EXTRACT_MONTH;
            case DAY -> Function.EXTRACT_DAY;
            case DOW -> Function.EXTRACT_DAY_OF_WEEK;
            case DOY -> Function.EXTRACT_DAY_OF_YEAR;
            case HOUR -> Function.EXTRACT_HOUR;
            case MINUTE -> Function.EXTRACT_MINUTE;
            case SECOND -> Function.EXTRACT_SECOND;
            case EPOCH, ISODOW, ISOYEAR, WEEK, DECADE, CENTURY, MILLENNIUM, MILLISECOND, MICROSECOND -> null;
            default -> throw PlanningException.notSupported("EXTRACT(" + unit + " FROM …)");
        };
        if (unit == TimeUnitRange.EPOCH && typeOf(call).kind() == TypeKind.DECIMAL) {
            // A timestamp's or time's epoch with its fraction (PostgresExtract's type), exact.
            function = Function.EXTRACT_EPOCH;
        }
        if (function == null) {
            // PostgreSQL's other fields, from date_part's kernel.
            return scalarFunctions.datePart(new Literal(unit.name().toLowerCase(Locale.ROOT), LogicalType.TEXT),
                    call.getOperands().get(1), typeOf(call));
        }
        return Call.of(function, typeOf(call), convert(call.getOperands().get(1)));
    }

    private Expression trim(RexCall call) {
        SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0)).getValueAs(SqlTrimFunction.Flag.class);
        Function function = switch (flag == null ? SqlTrimFunction.Flag.BOTH : flag) {
            case BOTH -> Function.TRIM_BOTH;
            case LEADING -> Function.TRIM_LEADING;
            case TRAILING -> Function.TRIM_TRAILING;
        };
        return Call.of(function, typeOf(call), convert(call.getOperands().get(2)), convert(call.getOperands().get(1)));
    }

    private Expression position(RexNode needle, RexNode haystack, RexCall call) {
        if (call.getOperands().size() > 2) {
            throw PlanningException.notSupported("POSITION with a start position");
        }
        return Call.of(Function.POSITION, typeOf(call), convert(needle), convert(haystack));
    }

    /** SUBSTRING(value, start[, length]) with BIGINT positions. */
    private Expression substring(RexCall call) {
        if (call.getOperands().size() == 3 && isText(call.getOperands().get(1))) {
            // substring(text FROM pattern FOR escape): a SQL regular expression (the validator cast both to numbers).
            return Call.of(Function.SUBSTRING_SIMILAR, typeOf(call), convert(call.getOperands().get(0)),
                    TypeCoercion.castTo(convert(uncast(call.getOperands().get(1))), LogicalType.TEXT),
                    TypeCoercion.castTo(convert(uncast(call.getOperands().get(2))), LogicalType.TEXT));
        }
        if (call.getOperands().size() == 2 && isText(call.getOperands().get(1))) {
            // PostgreSQL's substring(text FROM pattern): a POSIX regular expression (Calcite's validator cast the
            // pattern to the number SUBSTRING(text FROM start) takes; the text is the pattern).
            return Call.of(Function.SUBSTRING_REGEX, typeOf(call), convert(call.getOperands().get(0)),
                    TypeCoercion.castTo(convert(uncast(call.getOperands().get(1))), LogicalType.TEXT));
        }
        List<Expression> arguments = new ArrayList<>();
        arguments.add(convert(call.getOperands().get(0)));
        for (RexNode position : call.getOperands().subList(1, call.getOperands().size())) {
            arguments.add(TypeCoercion.castTo(convert(position), LogicalType.BIGINT));
        }
        return new Call(Function.SUBSTRING, arguments, typeOf(call));
    }

    /** Whether the node is text, or text Calcite's validator cast to another type to make it fit. */
    private static boolean isText(RexNode node) {
        return SqlTypeUtil.isCharacter(uncast(node).getType());
    }

    private static RexNode uncast(RexNode node) {
        return node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
    }

    private Expression concat(RexCall call) {
        List<Expression> arguments = new ArrayList<>();
        for (Expression argument : convertAll(call.getOperands())) {
            if (argument instanceof Call nested && nested.function() == Function.CONCAT) {
                arguments.addAll(nested.arguments());
            } else {
                arguments.add(LiteralValues.isText(argument.type()) ? argument
                        : TypeCoercion.castTo(argument, LogicalType.TEXT));
            }
        }
        return new Call(Function.CONCAT, arguments, typeOf(call));
    }

    /** ROUND, TRUNC, FLOOR, CEIL: the value as it is, the digits (if any) as BIGINT. */
    Expression rounding(RexCall call, Function function) {
        List<RexNode> operands = call.getOperands();
        if (!SqlTypeUtil.isNumeric(operands.get(0).getType())) {
            throw PlanningException.notSupported(function + " of " + operands.get(0).getType());
        }
        List<Expression> arguments = new ArrayList<>();
        arguments.add(convert(operands.get(0)));
        if (operands.size() > 1) {
            arguments.add(TypeCoercion.castTo(convert(operands.get(1)), LogicalType.BIGINT));
        }
        return new Call(function, arguments, typeOf(call));
    }

    private Expression doubleFunction(RexCall call, Function function) {
        List<Expression> arguments = new ArrayList<>();
        for (Expression argument : convertAll(call.getOperands())) {
            arguments.add(TypeCoercion.castTo(argument, LogicalType.DOUBLE));
        }
        return TypeCoercion.castTo(new Call(function, arguments, LogicalType.DOUBLE), typeOf(call));
    }

    /** PostgreSQL's {@code date - date}: whole days, an INTEGER (Calcite itself has no such operator). */
    private static boolean isDateDifference(RexCall call) {
        return call.getOperands().size() == 2
                && call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.DATE
                && call.getOperands().get(1).getType().getSqlTypeName() == SqlTypeName.DATE;
    }

    /** PostgreSQL's {@code date ± integer} (days); the integer comes first only in a sum. */
    private static boolean isDatePlusDays(RexCall call) {
        List<RexNode> operands = call.getOperands();
        if (operands.size() != 2) {
            return false;
        }
        SqlTypeName left = operands.get(0).getType().getSqlTypeName();
        SqlTypeName right = operands.get(1).getType().getSqlTypeName();
        return (left == SqlTypeName.DATE && SqlTypeUtil.isIntType(operands.get(1).getType()))
                || (call.getKind() == SqlKind.PLUS && right == SqlTypeName.DATE && SqlTypeUtil.isIntType(operands.get(0).getType()));
    }

    private Expression addDays(RexCall call, int sign) {
        boolean dateFirst = call.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.DATE;
        Expression date = convert(call.getOperands().get(dateFirst ? 0 : 1));
        Expression days = TypeCoercion.castTo(convert(call.getOperands().get(dateFirst ? 1 : 0)), LogicalType.BIGINT);
        if (sign < 0) {
            days = Call.of(Function.NEGATE, LogicalType.BIGINT, days);
        }
        return TypeCoercion.castTo(Call.of(Function.ADD_DAYS, LogicalType.DATE, date, days), typeOf(call));
    }

    private Expression daysBetween(RexCall call) {
        return TypeCoercion.castTo(new Call(Function.DAYS_BETWEEN, convertAll(call.getOperands()), LogicalType.INTEGER),
                typeOf(call));
    }

    private static boolean isDatetimeArithmetic(RexCall call) {
        for (RexNode operand : call.getOperands()) {
            if (SqlTypeUtil.isInterval(operand.getType()) || SqlTypeUtil.isDatetime(operand.getType())) {
                return true;
            }
        }
        return false;
    }

    /** A date, time or timestamp plus (sign 1) or minus (sign -1) an interval. */
    private Expression addInterval(RexCall call, int sign) {
        RexNode first = call.getOperands().get(0);
        RexNode second = call.getOperands().get(1);
        RexNode datetime;
        RexNode interval;
        if (SqlTypeUtil.isDatetime(first.getType()) && SqlTypeUtil.isInterval(second.getType())) {
            datetime = first;
            interval = second;
        } else if (sign > 0 && SqlTypeUtil.isInterval(first.getType()) && SqlTypeUtil.isDatetime(second.getType())) {
            datetime = second;
            interval = first;
        } else {
            throw PlanningException.notSupported("arithmetic on " + first.getType() + " and " + second.getType()
                    + " (intervals as values)");
        }
        Expression base = convert(datetime);
        IntervalUnit unit = unitOf(interval, base.type());
        Expression amount = intervalAmount(interval, unit);
        if (sign < 0) {
            amount = amount instanceof Literal literal
                    ? new Literal(-(Long) literal.value(), LogicalType.BIGINT)
                    : Call.of(Function.NEGATE, LogicalType.BIGINT, amount);
        }
        return TypeCoercion.castTo(Call.of(unit.addFunction, base.type(), base, amount), typeOf(call));
    }

    private static IntervalUnit unitOf(RexNode interval, LogicalType base) {
        SqlTypeName typeName = interval.getType().getSqlTypeName();
        if (typeName.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
            return IntervalUnit.MONTHS;
        }
        if (typeName == SqlTypeName.INTERVAL_DAY) {
            return IntervalUnit.DAYS;
        }
        if (base.kind() == TypeKind.DATE) {
            throw PlanningException.notSupported("adding hours, minutes or seconds to a DATE");
        }
        return IntervalUnit.MICROSECONDS;
    }

    /** The interval as a BIGINT count of {@code unit}s. */
    private Expression intervalAmount(RexNode interval, IntervalUnit unit) {
        if (interval instanceof RexLiteral literal) {
            BigDecimal value = literal.getValueAs(BigDecimal.class);
            if (value == null) {
                return Literal.nullOf(LogicalType.BIGINT);
            }
            long amount = switch (unit) {
                case MONTHS -> value.longValueExact();
                case DAYS -> {
                    if (value.longValueExact() % MILLIS_PER_DAY != 0) {
                        throw PlanningException.notSupported("fractions of days in a DAY interval");
                    }
                    yield value.longValueExact() / MILLIS_PER_DAY;
                }
                case MICROSECONDS -> value.longValueExact() * 1000;
            };
            return new Literal(amount, LogicalType.BIGINT);
        }
        if (interval instanceof RexCall call) {
            if (call.getKind() == SqlKind.MINUS_PREFIX) {
                return Call.of(Function.NEGATE, LogicalType.BIGINT, intervalAmount(call.getOperands().get(0), unit));
            }
            if (call.getKind() == SqlKind.TIMES) {
                RexNode left = call.getOperands().get(0);
                RexNode right = call.getOperands().get(1);
                boolean leftIsInterval = SqlTypeUtil.isInterval(left.getType());
                Expression amount = intervalAmount(leftIsInterval ? left : right, unit);
                Expression factor = TypeCoercion.castTo(convert(leftIsInterval ? right : left), LogicalType.BIGINT);
                return Call.of(Function.MULTIPLY, LogicalType.BIGINT, amount, factor);
            }
        }
        throw PlanningException.notSupported("the interval expression " + interval);
    }

    private static LogicalType typeOf(RexNode node) {
        return TypeMapping.toBasalt(node.getType());
    }
}
