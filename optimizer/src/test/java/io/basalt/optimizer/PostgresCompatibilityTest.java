package io.basalt.optimizer;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Queries read as PostgreSQL reads them where Calcite reads them otherwise: {@code ::} precedence, PostgreSQL's
 * type names, string constants as text, default precisions; constants folded only where that is exact; and
 * PostgreSQL's SQLSTATEs for errors Calcite reports in its own words.
 */
class PostgresCompatibilityTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = SmallCatalog.create(directory);
    }

    private static PlannedQuery plan(String query) {
        return new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS);
    }

    /** The first result expression of {@code SELECT expression AS e FROM events}. */
    private static String converted(String expression) {
        PhysicalNode plan = plan("SELECT " + expression + " AS e FROM events").plan();
        assertThat(plan).isInstanceOf(ProjectNode.class);
        return PhysicalPlanText.expression(((ProjectNode) plan).expressions().get(0));
    }

    private static PlanningException failure(String query) {
        PlanningException error = catchThrowableOfType(PlanningException.class, () -> plan(query));
        assertThat(error).as("planning should fail: " + query).isNotNull();
        return error;
    }

    @Test
    void doubleColonBindsTighterThanOperators() {
        assertThat(converted("quantity = id::int")).isEqualTo("EQUAL($0, CAST($1))");
        assertThat(plan("SELECT 2 = 1::int + 1 AS e").columns().get(0).type()).isEqualTo(LogicalType.BOOLEAN);
    }

    @Test
    void postgresqlTypeNamesAreTypes() {
        assertThat(plan("SELECT 1::int8 AS a, CAST(1 AS float8) AS b, 'x'::text AS c, 't'::bool AS d, 1::int2 AS e, "
                + "1::float4 AS f, 1::int4 AS g").columns()).extracting(column -> column.type()).containsExactly(
                LogicalType.BIGINT, LogicalType.DOUBLE, LogicalType.TEXT, LogicalType.BOOLEAN, LogicalType.SMALLINT,
                LogicalType.REAL, LogicalType.INTEGER);
        PlanningException error = failure("SELECT 1::money");
        assertThat(error.sqlState()).isEqualTo("42704");
        assertThat(error.getMessage()).isEqualTo("type \"money\" does not exist");
        assertThat(error.column()).hasValue(11);
    }

    @Test
    void postgresqlIntervalConstantsMeanWhatTheirTextSays() {
        assertThat(plan("SELECT DATE '2024-01-31' + interval '1 month' AS a, DATE '2024-01-31' - '3 days'::interval AS b")
                .columns()).extracting(column -> column.type()).containsExactly(LogicalType.DATE, LogicalType.DATE);
        PlanningException invalid = failure("SELECT 1 + interval 'abc'");
        assertThat(invalid.sqlState()).isEqualTo("22007");
        assertThat(invalid.getMessage()).isEqualTo("invalid input syntax for type interval: \"abc\"");
        assertThat(invalid.column()).hasValue(21);
        assertThat(failure("SELECT 1 + 'abc'::interval").column()).hasValue(12);
        assertThat(failure("SELECT x::int, 1 + CAST('abc' AS interval)").column()).hasValue(25);
        assertThat(plan("SELECT DATE '2024-01-31' + interval '1 month 3 days' AS a").columns())
                .extracting(column -> column.type()).containsExactly(LogicalType.DATE);
        PlanningException mixed = failure("SELECT DATE '2024-01-31' + interval '1 month 3 days' * 2");
        assertThat(mixed.sqlState()).isEqualTo("0A000");
        assertThat(mixed.getMessage()).startsWith("not supported yet: interval '1 month 3 days'");
        // Positions after a marked constant are the user's: "nope" is at column 27.
        assertThat(failure("SELECT interval '1 day' + nope").column()).hasValue(27);
    }

    @Test
    void stringConstantsKeepTrailingBlanksAndEscapedOnesCompare() {
        assertThat(converted("kind || 'a  '")).isEqualTo("CONCAT($0, 'a  ':VARCHAR(3))");
        assertThat(converted("kind = E'x\\ty'")).isEqualTo("EQUAL($0, 'x\ty':VARCHAR(20))");
        assertThat(converted("'' || kind")).isEqualTo("CONCAT('':TEXT, $0)");
    }

    @Test
    void charComparedWithConstantsIgnoresTheirTrailingBlanks() {
        assertThat(converted("code = 'ab  '")).isEqualTo("EQUAL($0, 'ab':CHAR(4))");
        assertThat(converted("code IN ('ab  ', 'c')")).isEqualTo("IN($0, 'ab':CHAR(4), 'c':CHAR(4))");
        assertThat(converted("kind = 'ab  '")).isEqualTo("EQUAL($0, 'ab  ':VARCHAR(20))");
    }

    @Test
    void trimWithoutCharactersTrimsBlanksAndPostgresqlTrimFunctionsAreTrim() {
        assertThat(converted("trim(kind)")).isEqualTo("TRIM_BOTH($0, ' ':VARCHAR(1))");
        assertThat(converted("ltrim(kind)")).isEqualTo("TRIM_LEADING($0, ' ':VARCHAR(1))");
        assertThat(converted("rtrim(kind, 'xy')")).isEqualTo("TRIM_TRAILING($0, 'xy':CHAR(2))");
        assertThat(converted("btrim(kind, 'x')")).isEqualTo("TRIM_BOTH($0, 'x':CHAR(1))");
    }

    @Test
    void likeEscapesWithABackslashUnlessToldOtherwise() {
        assertThat(converted("kind LIKE 'a\\%'")).isEqualTo("LIKE($0, 'a\\%':CHAR(3), '\\':CHAR(1))");
        assertThat(converted("kind LIKE kind")).isEqualTo("LIKE($0, $0, '\\':CHAR(1))");
        assertThat(converted("kind LIKE 'a%'")).isEqualTo("LIKE($0, 'a%':CHAR(2))");
        assertThat(converted("kind LIKE 'a\\%' ESCAPE '!'")).isEqualTo("LIKE($0, 'a\\%':CHAR(3), '!':CHAR(1))");
        // No escape character: a backslash is a backslash.
        assertThat(converted("kind LIKE 'a\\%' ESCAPE ''")).isEqualTo("LIKE($0, 'a\\\\%':CHAR(4), '\\':CHAR(1))");
    }

    @Test
    void ilikeComparesLowerCase() {
        assertThat(converted("kind ILIKE 'A%'")).isEqualTo("LIKE(LOWER($0), LOWER('A%':CHAR(2)), '\\':CHAR(1))");
        assertThat(converted("kind NOT ILIKE 'A%' ESCAPE '!'"))
                .isEqualTo("NOT(LIKE(LOWER($0), LOWER('A%':CHAR(2)), '!':CHAR(1)))");
    }

    @Test
    void typesWithoutPrecision() {
        assertThat(plan("SELECT CAST('2024-01-01 10:00:00.123456' AS TIMESTAMP) AS t, CAST(1.5 AS DECIMAL) AS d")
                .columns()).extracting(column -> column.type())
                .containsExactly(LogicalType.TIMESTAMP, LogicalType.decimal(18, 3));
    }

    @Test
    void realConstantsHaveRealPrecision() {
        assertThat(converted("ratio = CAST(16777217 AS REAL)")).isEqualTo("EQUAL($0, CAST(1.6777216E7:REAL))");
    }

    @Test
    void nonStrictCallsOfNullAreNotFoldedToNull() {
        assertThat(plan("SELECT 1 IS DISTINCT FROM NULL AS a, coalesce(NULL, 2) AS b").columns()).hasSize(2);
        assertThat(converted("flag IS DISTINCT FROM NULL")).isEqualTo("AND(IS_NOT_NULL($0), IS_NOT_TRUE(NULL:BOOLEAN))");
    }

    @Test
    void textThatIsNoIntegerIsLeftForTheExecutorToReport() {
        assertThat(converted("CAST('1.5' AS INTEGER)")).isEqualTo("CAST('1.5':CHAR(3))");
        assertThat(converted("CAST(' 15 ' AS INTEGER)")).isEqualTo("15:INTEGER");
    }

    @Test
    void errorsCalciteWordsItsOwnWayGetPostgresqlStates() {
        PlanningException cast = failure("SELECT CAST(event_day AS INTEGER) FROM events");
        assertThat(cast.sqlState()).isEqualTo("42846");
        assertThat(cast.getMessage()).isEqualTo("cannot cast type date to integer");
        assertThat(failure("SELECT sum(count(*)) FROM events").sqlState()).isEqualTo("42803");
        assertThat(failure("SELECT id FROM events UNION SELECT id, kind FROM events").sqlState()).isEqualTo("42601");
        assertThat(failure("SELECT DATE '2024-02-30'").sqlState()).isEqualTo("22008");
        PlanningException unknownSchema = failure("SELECT * FROM nosuchschema.events");
        assertThat(unknownSchema.sqlState()).isEqualTo("42P01");
        assertThat(unknownSchema.getMessage()).isEqualTo("table \"nosuchschema.events\" does not exist");
    }
}
