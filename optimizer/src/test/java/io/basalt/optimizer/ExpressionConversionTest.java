package io.basalt.optimizer;

import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL expressions as execution receives them: every function in its contract form, every implicit conversion
 * explicit, constants in execution's representation (dates as days, decimals unscaled).
 */
class ExpressionConversionTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = SmallCatalog.create(directory);
    }

    /** The converted expression, with the columns its {@code $n} refer to: {@code EXPRESSION over [columns]}. */
    private static String converted(String expression) {
        PlannedQuery planned = new QueryPlanner().plan("SELECT " + expression + " AS e FROM events", catalog,
                PlannerOptions.DEFAULTS);
        PhysicalNode plan = planned.plan();
        assertThat(plan).isInstanceOf(ProjectNode.class);
        ProjectNode project = (ProjectNode) plan;
        String columns = project.input() instanceof TableScanNode scan
                ? scan.output().stream().map(Column::name).collect(Collectors.joining(",", " over [", "]")) : "";
        return PhysicalPlanText.expression(project.expressions().get(0)) + columns;
    }

    private static LogicalType resultType(String expression) {
        return new QueryPlanner().plan("SELECT " + expression + " AS e FROM events", catalog, PlannerOptions.DEFAULTS)
                .columns().get(0).type();
    }

    private static long days(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    @Test
    void dateLiteralsAreDaysSinceTheEpoch() {
        assertThat(converted("event_day = DATE '1995-03-15'")).isEqualTo("EQUAL($0, " + days("1995-03-15") + ":DATE) over [event_day]");
    }

    @Test
    void dateFunctionOfATextConstantIsADate() {
        assertThat(converted("event_day < date('1994-01-01')")).isEqualTo("LESS_THAN($0, " + days("1994-01-01") + ":DATE) over [event_day]");
    }

    @Test
    void dayIntervalsBecomeAddDays() {
        assertThat(converted("event_day - INTERVAL '90' DAY")).isEqualTo("ADD_DAYS($0, -90:BIGINT) over [event_day]");
        assertThat(converted("event_day + INTERVAL '1' DAY * quantity"))
                .isEqualTo("ADD_DAYS($0, MULTIPLY(1:BIGINT, CAST($1))) over [event_day,quantity]");
    }

    @Test
    void monthAndYearIntervalsBecomeAddMonths() {
        assertThat(converted("event_day + INTERVAL '3' MONTH")).isEqualTo("ADD_MONTHS($0, 3:BIGINT) over [event_day]");
        assertThat(converted("event_day - INTERVAL '1' YEAR")).isEqualTo("ADD_MONTHS($0, -12:BIGINT) over [event_day]");
    }

    @Test
    void timeIntervalsOnTimestampsBecomeMicroseconds() {
        assertThat(converted("moment + INTERVAL '2' HOUR")).isEqualTo("ADD_MICROSECONDS($0, 7200000000:BIGINT) over [moment]");
    }

    @Test
    void constantDateArithmeticIsFoldedWithMonthEndClamping() {
        assertThat(converted("event_day <= DATE '1998-12-01' - INTERVAL '90' DAY"))
                .isEqualTo("LESS_THAN_OR_EQUAL($0, " + days("1998-09-02") + ":DATE) over [event_day]");
        assertThat(converted("event_day = DATE '2024-01-31' + INTERVAL '1' MONTH"))
                .isEqualTo("EQUAL($0, " + days("2024-02-29") + ":DATE) over [event_day]");
    }

    @Test
    void decimalConstantsAreUnscaledInTheirOwnScale() {
        assertThat(converted("amount + 0.005")).isEqualTo("ADD($0, 5:DECIMAL(4,3)) over [amount]");
        assertThat(resultType("amount + 0.005")).isEqualTo(LogicalType.decimal(14, 3));
    }

    @Test
    void wideDecimalConstantsAreBigIntegers() {
        assertThat(converted("big_amount + 12345678901234567890.1234"))
                .isEqualTo("ADD($0, 123456789012345678901234:DECIMAL(24,4)) over [big_amount]");
    }

    @Test
    void integersMeetDecimalsAsDecimals() {
        assertThat(converted("amount * quantity")).isEqualTo("MULTIPLY($0, CAST($1)) over [amount,quantity]");
        assertThat(resultType("amount * quantity")).isEqualTo(LogicalType.decimal(22, 2));
    }

    @Test
    void comparisonConstantsTakeTheColumnTypeWhenTheyFit() {
        assertThat(converted("amount < 24")).isEqualTo("LESS_THAN($0, 2400:DECIMAL(12,2)) over [amount]");
    }

    @Test
    void comparisonsCastToACommonTypeWhenTheConstantDoesNotFit() {
        assertThat(converted("quantity < 2.5")).isEqualTo("LESS_THAN(CAST($0), 25:DECIMAL(11,1)) over [quantity]");
    }

    @Test
    void charColumnsCompareWithConstantsAsCharWithoutTrailingBlanks() {
        assertThat(converted("code = 'ab'")).isEqualTo("EQUAL($0, 'ab':CHAR(4)) over [code]");
        assertThat(converted("code = 'ab  '")).isEqualTo("EQUAL($0, 'ab':CHAR(4)) over [code]");
        assertThat(converted("code IN ('ab', 'cd ')")).isEqualTo("IN($0, 'ab':CHAR(4), 'cd':CHAR(4)) over [code]");
    }

    @Test
    void stringConstantsAreTextAndKeepTheirTrailingBlanks() {
        assertThat(converted("kind = 'ab '")).isEqualTo("EQUAL($0, 'ab ':VARCHAR(20)) over [kind]");
        assertThat(converted("kind || ' x '")).isEqualTo("CONCAT($0, ' x ':VARCHAR(3)) over [kind]");
    }

    @Test
    void caseHasAnElseAlways() {
        assertThat(converted("CASE WHEN quantity > 10 THEN amount END"))
                .isEqualTo("CASE(GREATER_THAN($0, 10:INTEGER), $1, NULL:DECIMAL(12,2)) over [quantity,amount]");
        assertThat(converted("CASE WHEN quantity > 10 THEN 1 WHEN quantity > 5 THEN 2 ELSE 3 END"))
                .isEqualTo("CASE(GREATER_THAN($0, 10:INTEGER), 1:INTEGER, GREATER_THAN($0, 5:INTEGER), 2:INTEGER, 3:INTEGER)"
                        + " over [quantity]");
    }

    @Test
    void coalesceAndNullifSurviveCalcitesRewriteIntoCase() {
        assertThat(converted("COALESCE(quantity, 0)")).isEqualTo("COALESCE($0, 0:INTEGER) over [quantity]");
        assertThat(converted("COALESCE(quantity, tag_id, 7)")).isEqualTo("COALESCE($0, $1, 7:INTEGER) over [quantity,tag_id]");
        assertThat(converted("NULLIF(quantity, 0)")).isEqualTo("NULLIF($0, 0:INTEGER) over [quantity]");
    }

    @Test
    void likeAndNotLike() {
        assertThat(converted("kind LIKE 'a%'")).isEqualTo("LIKE($0, 'a%':CHAR(2)) over [kind]");
        assertThat(converted("kind NOT LIKE 'a!%%' ESCAPE '!'"))
                .isEqualTo("NOT(LIKE($0, 'a!%%':CHAR(4), '!':CHAR(1))) over [kind]");
    }

    @Test
    void inListsAndTheirNegation() {
        assertThat(converted("quantity IN (3, 1, 2)")).isEqualTo("IN($0, 1:INTEGER, 2:INTEGER, 3:INTEGER) over [quantity]");
        assertThat(converted("quantity NOT IN (1, 2)")).isEqualTo("NOT(IN($0, 1:INTEGER, 2:INTEGER)) over [quantity]");
    }

    @Test
    void betweenBecomesTwoComparisons() {
        assertThat(converted("amount BETWEEN 1 AND 10")).isEqualTo(
                "AND(GREATER_THAN_OR_EQUAL($0, 100:DECIMAL(12,2)), LESS_THAN_OR_EQUAL($0, 1000:DECIMAL(12,2))) over [amount]");
    }

    @Test
    void extractFields() {
        assertThat(converted("EXTRACT(YEAR FROM event_day)")).isEqualTo("EXTRACT_YEAR($0) over [event_day]");
        assertThat(converted("EXTRACT(DOW FROM event_day)")).isEqualTo("EXTRACT_DAY_OF_WEEK($0) over [event_day]");
        assertThat(resultType("EXTRACT(MONTH FROM moment)")).isEqualTo(LogicalType.BIGINT);
    }

    @Test
    void substringTakesBigintPositions() {
        assertThat(converted("SUBSTRING(kind FROM 2 FOR 3)")).isEqualTo("SUBSTRING($0, 2:BIGINT, 3:BIGINT) over [kind]");
        assertThat(converted("substr(kind, 2)")).isEqualTo("SUBSTRING($0, 2:BIGINT) over [kind]");
    }

    @Test
    void stringFunctions() {
        assertThat(converted("upper(kind) || lower(code)")).isEqualTo("CONCAT(UPPER($0), LOWER($1)) over [kind,code]");
        assertThat(converted("char_length(kind)")).isEqualTo("CHAR_LENGTH($0) over [kind]");
        assertThat(converted("TRIM(LEADING 'x' FROM kind)")).isEqualTo("TRIM_LEADING($0, 'x':CHAR(1)) over [kind]");
        assertThat(converted("POSITION('b' IN kind)")).isEqualTo("POSITION('b':CHAR(1), $0) over [kind]");
    }

    @Test
    void booleanTests() {
        assertThat(converted("flag IS TRUE")).isEqualTo("IS_TRUE($0) over [flag]");
        // Calcite expands IS [NOT] DISTINCT FROM into the equivalent AND/OR before the plan is built.
        assertThat(converted("quantity IS DISTINCT FROM tag_id"))
                .isEqualTo("AND(OR(IS_NOT_NULL($0), IS_NOT_NULL($1)), IS_NOT_TRUE(EQUAL($0, $1))) over [quantity,tag_id]");
    }

    @Test
    void averagesOfDecimalsAreDecimalsOfIntegersDoubles() {
        PlannedQuery planned = new QueryPlanner().plan("SELECT avg(amount), avg(quantity), sum(quantity), sum(amount) FROM events",
                catalog, PlannerOptions.DEFAULTS);

        assertThat(planned.columns()).extracting(Column::type).containsExactly(
                LogicalType.decimal(38, 16), LogicalType.DOUBLE, LogicalType.BIGINT, LogicalType.decimal(38, 2));
    }

    @Test
    void decimalQuotientsKeepTwelveFractionDigits() {
        assertThat(resultType("amount / 7.0")).isEqualTo(LogicalType.decimal(23, 12));
    }
}
