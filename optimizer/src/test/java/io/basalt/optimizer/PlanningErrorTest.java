package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Errors carry PostgreSQL's SQLSTATE, a message a user understands, and the position in the query text. */
class PlanningErrorTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.create(directory);
    }

    private static PlanningException failure(String query) {
        PlanningException error = catchThrowableOfType(PlanningException.class,
                () -> new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS));
        assertThat(error).as("planning should fail: " + query).isNotNull();
        return error;
    }

    @Test
    void unknownTableSuggestsTheNearestName() {
        PlanningException error = failure("SELECT *\nFROM lineitm");

        assertThat(error.sqlState()).isEqualTo("42P01");
        assertThat(error.getMessage()).isEqualTo("table \"lineitm\" does not exist; did you mean \"lineitem\"?");
        assertThat(error.line()).hasValue(2);
        assertThat(error.column()).hasValue(6);
    }

    @Test
    void unknownTableFarFromEveryNameSuggestsNothing() {
        PlanningException error = failure("SELECT * FROM warehouse");

        assertThat(error.sqlState()).isEqualTo("42P01");
        assertThat(error.getMessage()).isEqualTo("table \"warehouse\" does not exist");
    }

    @Test
    void unknownColumnSuggestsTheNearestColumnOfTheQueryTables() {
        PlanningException error = failure("SELECT l_orderkey\n  FROM lineitem\n WHERE l_shipdat > DATE '1998-01-01'");

        assertThat(error.sqlState()).isEqualTo("42703");
        assertThat(error.getMessage()).isEqualTo("column \"l_shipdat\" does not exist; did you mean \"l_shipdate\"?");
        assertThat(error.line()).hasValue(3);
        assertThat(error.column()).hasValue(8);
    }

    @Test
    void quotedNamesMatchExactlySoTheSuggestionShowsTheCase() {
        PlanningException error = failure("SELECT \"N_NAME\" FROM nation");

        assertThat(error.sqlState()).isEqualTo("42703");
        assertThat(error.getMessage()).endsWith("did you mean \"n_name\"?");
    }

    @Test
    void unquotedNamesAreLowerCased() {
        PlannedQuery planned = new QueryPlanner().plan("SELECT N_NAME FROM NATION", catalog, PlannerOptions.DEFAULTS);

        assertThat(planned.columns().get(0).name()).isEqualTo("n_name");
    }

    @Test
    void unnamedColumnsAreNamedAsPostgresqlNamesThem() {
        PlannedQuery planned = new QueryPlanner().plan(
                "SELECT count(*), n_regionkey + 1, CAST(n_name AS VARCHAR(30)), CASE WHEN n_nationkey > 1 THEN 1 END, "
                        + "max(n_name) AS top FROM nation GROUP BY n_regionkey, n_name, n_nationkey",
                catalog, PlannerOptions.DEFAULTS);

        assertThat(planned.columns()).extracting(io.basalt.execution.plan.Column::name)
                .containsExactly("count", "?column?", "n_name", "case", "top");
    }

    @Test
    void syntaxErrorPointsAtTheToken() {
        PlanningException error = failure("SELECT n_name\nFROM nation\nWHERE n_name = = 'x'");

        assertThat(error.sqlState()).isEqualTo("42601");
        assertThat(error.getMessage()).isEqualTo("syntax error at or near \"=\"");
        // The second "=", which the parser could not take (PostgreSQL points there too).
        assertThat(error.line()).hasValue(3);
        assertThat(error.column()).hasValue(16);
    }

    @Test
    void aReservedWordWhereANameBelongsIsASyntaxErrorAtThatWord() {
        PlanningException error = failure("SELECT n_name AS over FROM nation");

        assertThat(error.sqlState()).isEqualTo("42601");
        assertThat(error.getMessage()).isEqualTo("syntax error at or near \"AS\"");
        assertThat(error.line()).hasValue(1);
    }

    @Test
    void positionsAfterARewrittenWordStayThoseOfTheUserText() {
        PlanningException error = failure("SELECT 1 AS value, nosuch FROM nation");

        assertThat(error.sqlState()).isEqualTo("42703");
        assertThat(error.column()).hasValue(20);
    }

    @Test
    void comparingADateWithANumberIsATypeError() {
        PlanningException error = failure("SELECT * FROM orders WHERE o_orderdate = 5");

        assertThat(error.sqlState()).isEqualTo("42883");
        assertThat(error.column()).hasValue(28);
    }

    @Test
    void aWhereClauseMustBeACondition() {
        PlanningException error = failure("SELECT * FROM orders WHERE o_totalprice");

        assertThat(error.sqlState()).isEqualTo("42804");
    }

    @Test
    void caseBranchesOfIncompatibleTypesAreATypeMismatch() {
        PlanningException error = failure("SELECT CASE WHEN o_orderkey > 1 THEN o_orderdate ELSE true END FROM orders");

        assertThat(error.sqlState()).isEqualTo("42804");
        assertThat(error.column()).hasValue(8);
    }

    @Test
    void conversionsTheExecutorCannotMakeAreRefused() {
        // Calcite would make the branches agree by casting 1 to a DATE; Basalt has no such conversion.
        PlanningException error = failure("SELECT CASE WHEN o_orderkey > 1 THEN o_orderdate ELSE 1 END FROM orders");

        assertThat(error.sqlState()).isEqualTo("42846");
        assertThat(error.getMessage()).isEqualTo("cannot cast type INTEGER to DATE");
    }

    @Test
    void unknownFunctionIsUndefinedFunction() {
        PlanningException error = failure("SELECT frobnicate(n_name) FROM nation");

        assertThat(error.sqlState()).isEqualTo("42883");
        assertThat(error.getMessage()).isEqualTo("function frobnicate(character) does not exist");
        assertThat(error.line()).hasValue(1);
        assertThat(error.column()).hasValue(8);
    }

    @Test
    void ungroupedColumnIsAGroupingError() {
        PlanningException error = failure("SELECT n_name, count(*) FROM nation GROUP BY n_regionkey");

        assertThat(error.sqlState()).isEqualTo("42803");
    }

    @Test
    void ambiguousColumnIsReported() {
        PlanningException error = failure("SELECT n_nationkey FROM nation a, nation b");

        assertThat(error.sqlState()).isEqualTo("42702");
    }

    @Test
    void aParameterNothingGivesATypeIsIndeterminate() {
        PlanningException error = failure("SELECT n_name, ?\n  FROM nation");

        assertThat(error.sqlState()).isEqualTo("42P18");
        assertThat(error.getMessage()).isEqualTo("could not determine data type of parameter $1");
        assertThat(error.line()).hasValue(1);
        assertThat(error.column()).hasValue(16);
    }

    @Test
    void theIndeterminateParameterIsNamedAndPlacedInTheUsersText() {
        // "value" is quoted before Calcite parses the text; positions are mapped back.
        PlanningException error = failure("SELECT 1 AS value, n_name\n  FROM nation\n WHERE n_nationkey = ? AND ? = ?");

        assertThat(error.sqlState()).isEqualTo("42P18");
        assertThat(error.getMessage()).isEqualTo("could not determine data type of parameter $2");
        assertThat(error.line()).hasValue(3);
        assertThat(error.column()).hasValue(28);
        assertThat(failure("SELECT 1 AS value, ? FROM nation").column()).hasValue(20);
    }

    @Test
    void anOperatorWithAnUntypedParameterNamesTheParameter() {
        PlanningException error = failure("SELECT n_name FROM nation WHERE n_nationkey * ? > 1");

        assertThat(error.sqlState()).isEqualTo("42P18");
        assertThat(error.getMessage()).isEqualTo("could not determine data type of parameter $1");
        assertThat(error.column()).hasValue(47);
    }

    @Test
    void statementsOtherThanQueriesAreRefused() {
        PlanningException error = failure("DELETE FROM nation");

        assertThat(error.sqlState()).isEqualTo("0A000");
    }

    @Test
    void functionsWithoutAnExecutorKernelAreNotSupportedYet() {
        PlanningException error = failure("SELECT n_name,\n       current_time FROM nation");

        assertThat(error.sqlState()).isEqualTo("0A000");
        assertThat(error.getMessage()).isEqualTo("not supported yet: function CURRENT_TIME");
        assertThat(error.line()).hasValue(2);
        assertThat(error.column()).hasValue(8);
    }

    @Test
    void windowFramesInGroupsAreNotSupportedYet() {
        PlanningException error = failure(
                "SELECT sum(n_nationkey) OVER (ORDER BY n_regionkey GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM nation");

        assertThat(error.sqlState()).isEqualTo("0A000");
        assertThat(error.getMessage()).isEqualTo("not supported yet: GROUPS window frames");
        assertThat(error.column()).hasValue(52);
    }

    @Test
    void aPercentileFractionThatIsNotAConstantIsNotSupportedYet() {
        PlanningException error = failure(
                "SELECT percentile_cont(n_regionkey) WITHIN GROUP (ORDER BY n_nationkey) FROM nation");

        assertThat(error.sqlState()).isEqualTo("0A000");
        assertThat(error.getMessage()).isEqualTo("not supported yet: a percentile fraction that is not a constant");
    }

    @Test
    void aggregatesOfOneTypeFamilyDoNotCastTheirArguments() {
        assertThat(failure("SELECT string_agg(n_nationkey, ',') FROM nation").sqlState()).isEqualTo("42883");
        assertThat(failure("SELECT stddev(n_name) FROM nation").sqlState()).isEqualTo("42883");
        assertThat(failure("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n_name) FROM nation").sqlState())
                .isEqualTo("42883");
    }
}
