package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.NlsString;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a parsed query where Calcite reads PostgreSQL's spelling differently from PostgreSQL:
 *
 * <ul>
 *   <li>type names only PostgreSQL knows ({@code text}, {@code int4}, {@code float8}, {@code bool}, …), in
 *       {@code CAST} and {@code ::}, become the types they name, the ones {@code CREATE TABLE} accepts too; any
 *       other unknown type name is PostgreSQL's 42704 {@code type "…" does not exist} (Calcite would look for a
 *       user-defined type and report a missing column);</li>
 *   <li>a string constant keeps its trailing blanks: Calcite types constants as CHAR(n), whose trailing blanks do
 *       not count in SQL (so the planner drops them, see {@code LiteralValues}), while a PostgreSQL constant is
 *       text; such a constant becomes {@code CAST('…' AS VARCHAR(n))}. This also keeps the blank that a
 *       {@code TRIM} without characters trims;</li>
 *   <li>{@code E'…'} constants, to which Calcite's parser gives the UTF-16 character set, get the default one, so
 *       that they compare with other strings;</li>
 *   <li>PostgreSQL's {@code ltrim}, {@code rtrim} and {@code btrim} ({@code (string [, characters])}) are the
 *       standard {@code TRIM(LEADING | TRAILING | BOTH [characters] FROM string)};</li>
 *   <li>{@code LIKE} without {@code ESCAPE} escapes with a backslash, as in PostgreSQL ({@code '100\%'} matches
 *       {@code 100%} only; SQL and DuckDB have no escape character then);</li>
 *   <li>{@code a ILIKE b} is {@code lower(a) LIKE lower(b)}, which is how PostgreSQL compares it;</li>
 *   <li>{@code date_part('field', value)} is PostgreSQL's function of a text field (Calcite's parser reads
 *       {@code date_part} as taking a unit keyword), and {@code EXTRACT} is typed as PostgreSQL types it
 *       ({@link PostgresExtract});</li>
 *   <li>interval constants with the units in the text ({@code interval '1 month'}, {@code '3 days'::interval},
 *       {@code CAST('1 day' AS interval)}) are the interval they mean ({@link IntervalConstants}); one with months
 *       and also days or time is added or subtracted in two steps, months first.</li>
 * </ul>
 */
final class PostgresSpellings extends SqlShuttle {

    private static final String UNDEFINED_OBJECT = "42704";
    private static final String INVALID_DATETIME_FORMAT = "22007";
    private static final String INTERVAL_OUT_OF_RANGE = "22015";

    /** PostgreSQL's names of types, lower case as unquoted names are read. */
    private static final Map<String, SqlTypeName> TYPE_NAMES = Map.of(
            "text", SqlTypeName.VARCHAR,
            "string", SqlTypeName.VARCHAR,
            "bool", SqlTypeName.BOOLEAN,
            "int2", SqlTypeName.SMALLINT,
            "int4", SqlTypeName.INTEGER,
            "int8", SqlTypeName.BIGINT,
            "float4", SqlTypeName.REAL,
            "float8", SqlTypeName.DOUBLE);

    private static final Map<String, SqlTrimFunction.Flag> TRIM_FUNCTIONS = Map.of(
            "ltrim", SqlTrimFunction.Flag.LEADING,
            "rtrim", SqlTrimFunction.Flag.TRAILING,
            "btrim", SqlTrimFunction.Flag.BOTH);

    private final QueryParser.TextRewrites text;

    private PostgresSpellings(QueryParser.TextRewrites text) {
        this.text = text;
    }

    /** The query with PostgreSQL's spellings in Calcite's terms; positions refer to {@code text}. */
    static SqlNode rewrite(SqlNode query, QueryParser.TextRewrites text) {
        return query.accept(new PostgresSpellings(text));
    }

    @Override
    public SqlNode visit(SqlCall call) {
        Optional<SqlNode> stepwise = mixedIntervalArithmetic(call);
        if (stepwise.isPresent()) {
            return stepwise.get();
        }
        if (call.getOperator() instanceof SqlLikeOperator ilike && !ilike.isCaseSensitive()) {
            SqlParserPos position = call.getParserPosition();
            List<SqlNode> operands = new ArrayList<>(call.getOperandList());
            operands.set(0, SqlStdOperatorTable.LOWER.createCall(position, operands.get(0)));
            operands.set(1, SqlStdOperatorTable.LOWER.createCall(position, operands.get(1)));
            SqlOperator like = ilike.isNegated() ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE;
            return visit((SqlCall) like.createCall(position, operands));
        }
        if (call.getOperator() instanceof SqlLikeOperator && call.operandCount() == 3 && isText(call.operand(2), "")
                && call.operand(1) instanceof SqlCharStringLiteral pattern) {
            // ESCAPE '' (no escape character) crashes Calcite's simplifier: the same match is the pattern with its
            // backslashes escaped by a backslash.
            SqlParserPos position = call.getParserPosition();
            String escaped = pattern.getValueAs(NlsString.class).getValue().replace("\\", "\\\\");
            return visit((SqlCall) call.getOperator().createCall(position, call.operand(0),
                    SqlLiteral.createCharString(escaped, pattern.getParserPosition()), SqlLiteral.createCharString("\\", position)));
        }
        if (call.getOperator().getName().equalsIgnoreCase("DATE_PART") && call.getOperator() != PostgresFunctions.DATE_PART
                && call.operandCount() == 2 && call.operand(0) instanceof SqlCharStringLiteral) {
            // The parser reads date_part as Calcite's date_part(unit keyword, value); PostgreSQL's unit is text.
            return visit((SqlCall) PostgresFunctions.DATE_PART.createCall(call.getParserPosition(), call.getOperandList()));
        }
        if (isIntervalMarker(call)) {
            SqlParserPos string = call.operand(0).getParserPosition();
            return intervalConstant(call.operand(0), string.getLineNum(), markedStringColumn(call));
        }
        if (call.getOperator() == SqlStdOperatorTable.EXTRACT) {
            return visit((SqlCall) PostgresExtract.INSTANCE.createCall(call.getParserPosition(), call.getOperandList()));
        }
        if (call.getKind() == SqlKind.CAST && call.operand(1) instanceof SqlIntervalQualifier
                && call.operand(0) instanceof SqlCharStringLiteral string && hasUnitWords(string)) {
            // CAST('1 month' AS interval): Calcite reads the bare type as INTERVAL SECOND, the text has the units.
            SqlParserPos position = string.getParserPosition();
            return intervalConstant(string, position.getLineNum(), text.originalColumn(position.getLineNum(), position.getColumnNum()));
        }
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlCall like && like.getOperator() instanceof SqlLikeOperator && like.operandCount() == 2
                && !isTextWithout(call.operand(1), '\\')) {
            SqlParserPos position = like.getParserPosition();
            return like.getOperator().createCall(position, like.operand(0), like.operand(1),
                    SqlLiteral.createCharString("\\", position));
        }
        if (visited instanceof SqlCall rewritten && rewritten.getOperator() instanceof SqlUnresolvedFunction function
                && function.getSqlIdentifier() != null && function.getSqlIdentifier().isSimple()
                && (rewritten.operandCount() == 1 || rewritten.operandCount() == 2)) {
            SqlTrimFunction.Flag flag = TRIM_FUNCTIONS.get(function.getSqlIdentifier().getSimple().toLowerCase(Locale.ROOT));
            if (flag != null) {
                SqlParserPos position = rewritten.getParserPosition();
                SqlNode characters = rewritten.operandCount() == 2 ? rewritten.operand(1)
                        : SqlLiteral.createCharString(" ", position).accept(this);
                return SqlStdOperatorTable.TRIM.createCall(position, flag.symbol(position), characters, rewritten.operand(0));
            }
        }
        return visited;
    }

    /**
     * {@code x + interval '1 month 3 days'} (either side) and {@code x - interval '1 month 3 days'} as
     * {@code (x ± interval '1 month') ± interval '3 days'}: an interval with months and also days or time has no
     * Calcite type, and PostgreSQL adds such an interval to a date or timestamp in this order, the months first
     * (so that '2024-01-31' + '1 month 1 day' is 2024-03-01). Empty for any other call.
     */
    private Optional<SqlNode> mixedIntervalArithmetic(SqlCall call) {
        boolean plus = call.getKind() == SqlKind.PLUS;
        if (!(plus || call.getKind() == SqlKind.MINUS) || call.operandCount() != 2) {
            return Optional.empty();
        }
        int intervalOperand = isMixedInterval(call.operand(1)) ? 1 : plus && isMixedInterval(call.operand(0)) ? 0 : -1;
        if (intervalOperand < 0) {
            return Optional.empty();
        }
        SqlCall marker = (SqlCall) call.operand(intervalOperand);
        SqlNode string = marker.operand(0);
        int line = string.getParserPosition().getLineNum();
        int column = markedStringColumn(marker);
        PostgresInterval interval = parseInterval(string, line, column);
        SqlOperator operator = call.getOperator();
        SqlParserPos position = call.getParserPosition();
        SqlNode months = toLiteral(interval.monthsPart(), string, line, column);
        SqlNode dayTime = toLiteral(interval.dayTimePart(), string, line, column);
        SqlNode other = call.operand(1 - intervalOperand).accept(this);
        return Optional.of(operator.createCall(position, operator.createCall(position, other, months), dayTime));
    }

    private static boolean isMixedInterval(SqlNode node) {
        if (!(node instanceof SqlCall call) || !isIntervalMarker(call) || !(call.operand(0) instanceof SqlCharStringLiteral string)) {
            return false;
        }
        try {
            return PostgresInterval.parse(string.getValueAs(NlsString.class).getValue())
                    .map(PostgresInterval::mixesMonthsAndDays).orElse(false);
        } catch (ArithmeticException e) {
            return false; // reported where the constant is read
        }
    }

    /** Whether the call stands for an interval constant ({@link IntervalConstants}). */
    private static boolean isIntervalMarker(SqlCall call) {
        return call.getOperator() instanceof SqlUnresolvedFunction function && function.getSqlIdentifier() != null
                && function.getSqlIdentifier().isSimple() && IntervalConstants.isMarker(function.getSqlIdentifier().getSimple());
    }

    /** The column the user wrote the interval text of a marker call at. */
    private int markedStringColumn(SqlCall marker) {
        SqlParserPos string = marker.operand(0).getParserPosition();
        return IntervalConstants.originalStringColumn(((SqlUnresolvedFunction) marker.getOperator()).getSqlIdentifier().getSimple(),
                text.originalColumn(string.getLineNum(), string.getColumnNum()));
    }

    /** PostgreSQL's interval constant ({@link IntervalConstants}): Calcite's interval literal of the same length. */
    private static SqlNode intervalConstant(SqlNode string, int line, int column) {
        return toLiteral(parseInterval(string, line, column), string, line, column);
    }

    private static PostgresInterval parseInterval(SqlNode string, int line, int column) {
        String value = ((SqlLiteral) string).getValueAs(NlsString.class).getValue();
        Optional<PostgresInterval> interval;
        try {
            interval = PostgresInterval.parse(value);
        } catch (ArithmeticException e) {
            throw new PlanningException(INTERVAL_OUT_OF_RANGE, "interval field value out of range: \"" + value + "\"", line, column, e);
        }
        return interval.orElseThrow(() -> new PlanningException(INVALID_DATETIME_FORMAT,
                "invalid input syntax for type interval: \"" + value + "\"", line, column, null));
    }

    private static SqlNode toLiteral(PostgresInterval interval, SqlNode string, int line, int column) {
        String value = ((SqlLiteral) string).getValueAs(NlsString.class).getValue();
        return interval.toLiteral(string.getParserPosition()).orElseThrow(() -> new PlanningException(
                PlanningException.FEATURE_NOT_SUPPORTED, "not supported yet: interval '" + value + "' (an interval with"
                        + " months and also days or time, other than added to or subtracted from a date or timestamp,"
                        + " or with fractions of milliseconds)", line, column, null));
    }

    /** Whether an interval's text names its units ({@code '3 days'}), which Calcite's interval text never does. */
    private static boolean hasUnitWords(SqlLiteral string) {
        return string.getValueAs(NlsString.class).getValue().chars().anyMatch(Character::isLetter);
    }

    private static boolean isText(SqlNode node, String value) {
        return node instanceof SqlCharStringLiteral constant && constant.getValueAs(NlsString.class).getValue().equals(value);
    }

    /** Whether the node is a string constant without the character (a pattern an escape character cannot change). */
    private static boolean isTextWithout(SqlNode node, char character) {
        return node instanceof SqlCharStringLiteral constant
                && constant.getValueAs(NlsString.class).getValue().indexOf(character) < 0;
    }

    @Override
    public SqlNode visit(SqlDataTypeSpec type) {
        if (!(type.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec named)) {
            return type;
        }
        SqlIdentifier name = named.getTypeName();
        SqlTypeName known = name.isSimple() ? TYPE_NAMES.get(name.getSimple()) : null;
        if (known == null) {
            SqlParserPos position = name.getParserPosition();
            throw new PlanningException(UNDEFINED_OBJECT, "type \"" + name + "\" does not exist", position.getLineNum(),
                    text.originalColumn(position.getLineNum(), position.getColumnNum()), null);
        }
        return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(known, type.getParserPosition()), type.getParserPosition());
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (literal instanceof SqlIntervalLiteral interval) {
            // INTERVAL '1 day' DAY: PostgreSQL reads the units in the text, Calcite would reject them.
            String value = ((SqlIntervalLiteral.IntervalValue) interval.getValue()).getIntervalLiteral();
            SqlParserPos position = literal.getParserPosition();
            return value.chars().anyMatch(Character::isLetter)
                    ? intervalConstant(SqlLiteral.createCharString(value, position), position.getLineNum(),
                            text.originalColumn(position.getLineNum(), position.getColumnNum()))
                    : literal;
        }
        if (!(literal instanceof SqlCharStringLiteral)) {
            return literal;
        }
        NlsString value = literal.getValueAs(NlsString.class);
        SqlParserPos position = literal.getParserPosition();
        SqlLiteral constant = value.getCharsetName() == null ? literal
                : SqlLiteral.createCharString(value.getValue(), position);
        if (!value.getValue().endsWith(" ")) {
            return constant;
        }
        int length = value.getValue().codePointCount(0, value.getValue().length());
        return SqlStdOperatorTable.CAST.createCall(position, constant,
                new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, length, position), position));
    }
}
