package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.Resources;
import org.apache.calcite.sql.SqlDynamicParam;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apache.calcite.util.Static.RESOURCE;

/**
 * Turns Calcite's validation errors into PlanningExceptions with PostgreSQL's SQLSTATEs and wording, keeping the
 * position. Calcite's exceptions carry only a formatted message, so the kind of error is recognised by matching
 * the message against the templates of Calcite's own resource bundle (not against copied text, so a reworded
 * Calcite message still matches). Unknown tables and columns get a "did you mean" with the nearest known name.
 */
final class ValidationErrors {

    private enum Kind {
        UNDEFINED_TABLE, UNDEFINED_SCHEMA, UNDEFINED_COLUMN, AMBIGUOUS_COLUMN, UNDEFINED_FUNCTION, UNKNOWN_FUNCTION_SIGNATURE,
        DATATYPE_MISMATCH, GROUPING, INDETERMINATE_PARAMETER
    }

    private record Template(Pattern pattern, Kind kind) {
    }

    /** Longer templates first: a "did you mean" message must not match its shorter sibling. */
    private static final List<Template> TEMPLATES = List.of(
            template(RESOURCE.tableNameNotFoundDidYouMean("", ""), Kind.UNDEFINED_TABLE),
            template(RESOURCE.tableNameNotFound(""), Kind.UNDEFINED_TABLE),
            template(RESOURCE.objectNotFoundWithinDidYouMean("", "", ""), Kind.UNDEFINED_TABLE),
            template(RESOURCE.objectNotFoundWithin("", ""), Kind.UNDEFINED_TABLE),
            template(RESOURCE.objectNotFoundDidYouMean("", ""), Kind.UNDEFINED_TABLE),
            template(RESOURCE.objectNotFound(""), Kind.UNDEFINED_TABLE),
            template(RESOURCE.schemaNotFound(""), Kind.UNDEFINED_SCHEMA),
            template(RESOURCE.columnNotFoundInTableDidYouMean("", "", ""), Kind.UNDEFINED_COLUMN),
            template(RESOURCE.columnNotFoundInTable("", ""), Kind.UNDEFINED_COLUMN),
            template(RESOURCE.columnNotFoundDidYouMean("", ""), Kind.UNDEFINED_COLUMN),
            template(RESOURCE.columnNotFound(""), Kind.UNDEFINED_COLUMN),
            template(RESOURCE.unknownIdentifier(""), Kind.UNDEFINED_COLUMN),
            template(RESOURCE.columnAmbiguous(""), Kind.AMBIGUOUS_COLUMN),
            template(RESOURCE.validatorUnknownFunction(""), Kind.UNKNOWN_FUNCTION_SIGNATURE),
            template(RESOURCE.functionUndefined(""), Kind.UNDEFINED_FUNCTION),
            template(RESOURCE.functionNotFound(""), Kind.UNDEFINED_FUNCTION),
            template(RESOURCE.canNotApplyOp2Type("", "", ""), Kind.UNDEFINED_FUNCTION),
            template(RESOURCE.illegalMixingOfTypes(), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.condMustBeBoolean(""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.havingMustBeBoolean(), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.typeNotComparable("", ""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.typeNotComparableNear("", ""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.typeNotComparableEachOther(""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.operandNotComparable(""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.incompatibleValueType(""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.incompatibleTypesInList(), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.incompatibleTypes(), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.columnTypeMismatchInSetop(0, ""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.typeNotAssignable("", "", "", ""), Kind.DATATYPE_MISMATCH),
            template(RESOURCE.notGroupExpr(""), Kind.GROUPING),
            template(RESOURCE.notSelectDistinctExpr(""), Kind.GROUPING),
            template(RESOURCE.aggregateIllegalInClause(""), Kind.GROUPING),
            template(RESOURCE.dynamicParamIllegal(), Kind.INDETERMINATE_PARAMETER));

    private ValidationErrors() {
    }

    /**
     * @param names the known names, computed only for unknown-name errors
     */
    static PlanningException translate(CalciteContextException error, QueryParser.ParsedQuery parsed,
                                       Supplier<QueryNames> names) {
        String message = error.getCause() != null && error.getCause().getMessage() != null
                ? error.getCause().getMessage() : String.valueOf(error.getMessage());
        int line = error.getPosLine();
        int column = line > 0 ? parsed.originalColumn(line, error.getPosColumn()) : 0;
        for (Template template : TEMPLATES) {
            Matcher matcher = template.pattern().matcher(message);
            if (!matcher.matches()) {
                continue;
            }
            return switch (template.kind()) {
                case UNDEFINED_TABLE -> {
                    String name = matcher.group(1);
                    // Calcite names only the first part it could not find: the schema of nosuchschema.orders.
                    Optional<String> qualified = QualifiedNames.startingWith(parsed.query(), name, error.getPosLine(),
                            error.getPosColumn());
                    yield new PlanningException(PlanningException.UNDEFINED_TABLE, qualified.isPresent()
                            ? "table \"" + qualified.get() + "\" does not exist"
                            : "table \"" + name + "\" does not exist" + suggestion(name, names.get().tables()),
                            line, column, error);
                }
                case UNDEFINED_SCHEMA -> new PlanningException(PlanningException.INVALID_SCHEMA_NAME,
                        "schema \"" + matcher.group(1) + "\" does not exist", line, column, error);
                case UNDEFINED_COLUMN -> {
                    String name = matcher.group(1);
                    yield new PlanningException(PlanningException.UNDEFINED_COLUMN,
                            "column \"" + name + "\" does not exist" + suggestion(name, names.get().columns()),
                            line, column, error);
                }
                case AMBIGUOUS_COLUMN -> new PlanningException(PlanningException.AMBIGUOUS_COLUMN,
                        "column reference \"" + matcher.group(1) + "\" is ambiguous", line, column, error);
                case UNDEFINED_FUNCTION -> untypedParameterIn(error, parsed, message).orElseGet(() ->
                        new PlanningException(PlanningException.UNDEFINED_FUNCTION, message, line, column, error));
                case UNKNOWN_FUNCTION_SIGNATURE -> untypedParameterIn(error, parsed, message).orElseGet(() ->
                        new PlanningException(PlanningException.UNDEFINED_FUNCTION,
                                "function " + postgresqlSignature(matcher.group(1)) + " does not exist", line, column, error));
                case DATATYPE_MISMATCH -> new PlanningException(PlanningException.DATATYPE_MISMATCH, message, line,
                        column, error);
                case GROUPING -> new PlanningException(PlanningException.GROUPING_ERROR, message, line, column, error);
                case INDETERMINATE_PARAMETER -> QueryParameters.at(parsed.query(), error.getPosLine(), error.getPosColumn())
                        .map(parameter -> indeterminateParameter(parameter, parsed))
                        .orElseGet(() -> new PlanningException(PlanningException.INDETERMINATE_DATATYPE,
                                "could not determine the data type of a parameter", line, column, error));
            };
        }
        return MoreValidationErrors.translate(message, line, column, error).orElseGet(() -> new PlanningException(
                PlanningException.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, message, line, column, error));
    }

    /** Calcite's {@code chr(<NUMERIC>, <CHARACTER>)} as PostgreSQL spells it: {@code chr(numeric, character)}. */
    private static String postgresqlSignature(String calciteSignature) {
        return calciteSignature.replaceAll("<([A-Z_ ]+)>", "$1").toLowerCase(Locale.ROOT);
    }

    /**
     * Calcite types a parameter only where an operator infers it, and otherwise reports the operator as not
     * applicable to an UNKNOWN operand ({@code n * ? > 1}); that is the parameter's fault, so it is 42P18 naming the
     * first parameter inside the call.
     */
    private static Optional<PlanningException> untypedParameterIn(CalciteContextException error,
                                                                           QueryParser.ParsedQuery parsed, String message) {
        if (!message.contains("<UNKNOWN>")) {
            return Optional.empty();
        }
        return QueryParameters.within(parsed.query(), error.getPosLine(), error.getPosColumn(), error.getEndPosLine(),
                error.getEndPosColumn()).map(parameter -> indeterminateParameter(parameter, parsed));
    }

    /** PostgreSQL's 42P18 for a parameter nothing gives a type, at the parameter's position. */
    static PlanningException indeterminateParameter(SqlDynamicParam parameter, QueryParser.ParsedQuery parsed) {
        int line = parameter.getParserPosition().getLineNum();
        return new PlanningException(PlanningException.INDETERMINATE_DATATYPE, "could not determine data type of parameter $"
                + (parameter.getIndex() + 1), line, parsed.originalColumn(line, parameter.getParserPosition().getColumnNum()),
                null);
    }

    private static String suggestion(String name, java.util.Collection<String> candidates) {
        return NameSuggestions.nearest(name, candidates).map(nearest -> "; did you mean \"" + nearest + "\"?").orElse("");
    }

    private static Template template(Resources.Inst resource, Kind kind) {
        return new Template(templatePattern(resource), kind);
    }

    /** A regular expression matching the messages of one resource; its arguments become groups. */
    static Pattern templatePattern(Resources.Inst resource) {
        String raw = resource.raw();
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\'' && i + 1 < raw.length() && raw.charAt(i + 1) == '\'') {
                regex.append('\'');
                i += 2;
            } else if (c == '{') {
                int end = raw.indexOf('}', i);
                regex.append("(.*)");
                i = end + 1;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
