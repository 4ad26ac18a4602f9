package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apache.calcite.util.Static.RESOURCE;

/**
 * Calcite validation errors that {@link ValidationErrors} does not know by kind, with PostgreSQL's SQLSTATE and
 * wording: casts between types no conversion exists for, nested aggregates, set operations of queries with
 * different numbers of columns, and date/time constants that are not dates or times. Recognised, as there, by
 * Calcite's own message templates.
 */
final class MoreValidationErrors {

    private static final String INVALID_DATETIME_FORMAT = "22007";
    private static final String DATETIME_FIELD_OVERFLOW = "22008";
    private static final Pattern DATE_LIKE = Pattern.compile("\\d+-\\d+-\\d+.*");

    /** A template, and the SQLSTATE and message of the errors matching it, from the template's arguments. */
    private record Rewrite(Pattern template, Function<Matcher, String> sqlState, Function<Matcher, String> message) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(ValidationErrors.templatePattern(RESOURCE.cannotCastValue("", "")),
                    matcher -> PlanningException.CANNOT_COERCE,
                    matcher -> "cannot cast type " + typeName(matcher.group(1)) + " to " + typeName(matcher.group(2))),
            new Rewrite(ValidationErrors.templatePattern(RESOURCE.nestedAggIllegal()),
                    matcher -> PlanningException.GROUPING_ERROR,
                    matcher -> "aggregate function calls cannot be nested"),
            new Rewrite(ValidationErrors.templatePattern(RESOURCE.columnCountMismatchInSetop("")),
                    matcher -> PlanningException.SYNTAX_ERROR,
                    matcher -> "each " + matcher.group(1) + " query must have the same number of columns"),
            // PostgreSQL tells a date that cannot exist (2024-02-30) from text that is no date at all.
            new Rewrite(ValidationErrors.templatePattern(RESOURCE.illegalLiteral("", "", "")),
                    matcher -> DATE_LIKE.matcher(matcher.group(2)).matches() ? DATETIME_FIELD_OVERFLOW : INVALID_DATETIME_FORMAT,
                    matcher -> DATE_LIKE.matcher(matcher.group(2)).matches()
                            ? "date/time field value out of range: \"" + matcher.group(2) + "\""
                            : "invalid input syntax for type " + matcher.group(1).toLowerCase(Locale.ROOT) + ": \""
                            + matcher.group(2) + "\""));

    private MoreValidationErrors() {
    }

    static Optional<PlanningException> translate(String message, int line, int column, Throwable cause) {
        for (Rewrite rewrite : REWRITES) {
            Matcher matcher = rewrite.template().matcher(message);
            if (matcher.matches()) {
                return Optional.of(new PlanningException(rewrite.sqlState().apply(matcher), rewrite.message().apply(matcher),
                        line, column, cause));
            }
        }
        return Optional.empty();
    }

    /** {@code INTEGER NOT NULL} as PostgreSQL names a type in messages: {@code integer}. */
    private static String typeName(String calciteType) {
        return calciteType.replace(" NOT NULL", "").toLowerCase(Locale.ROOT);
    }
}
