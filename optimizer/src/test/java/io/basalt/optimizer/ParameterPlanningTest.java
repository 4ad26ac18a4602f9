package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parameters ({@code ?}): each takes the type its context gives it, plans hold them as parameters (never folded
 * into constants), and a plan built once serves every execution.
 */
class ParameterPlanningTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = SmallCatalog.create(directory);
    }

    private static PlannedQuery planned(String query) {
        return new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS);
    }

    private static List<LogicalType> types(String query) {
        return planned(query).parameterTypes();
    }

    private static String plan(String query) {
        return PhysicalPlanText.of(planned(query).plan());
    }

    private static PlannedQuery assigned(String query, LogicalType... columnTypes) {
        return new QueryPlanner().plan(query, catalog, PlannerOptions.DEFAULTS.withAssignedColumnTypes(Arrays.asList(columnTypes)));
    }

    @Test
    void comparisonsGiveTheOtherSidesType() {
        assertThat(types("SELECT id FROM events WHERE amount < ? AND event_day >= ? AND code = ? AND kind <> ?"))
                .containsExactly(LogicalType.decimal(12, 2), LogicalType.DATE, LogicalType.character(4), LogicalType.varchar(20));
        assertThat(types("SELECT id FROM events WHERE quantity BETWEEN ? AND ? OR id IN (?, ?)"))
                .containsExactly(LogicalType.INTEGER, LogicalType.INTEGER, LogicalType.BIGINT, LogicalType.BIGINT);
        assertThat(types("SELECT id FROM events WHERE moment > ? AND flag = ? AND ratio > ? AND ratio > ? * 2"))
                .as("an operand of arithmetic takes the other operand's type")
                .containsExactly(LogicalType.TIMESTAMP, LogicalType.BOOLEAN, LogicalType.DOUBLE, LogicalType.INTEGER);
    }

    @Test
    void likePatternsAreUnboundedText() {
        assertThat(types("SELECT id FROM events WHERE kind LIKE ? AND code NOT LIKE ?"))
                .containsExactly(LogicalType.TEXT, LogicalType.TEXT);
    }

    @Test
    void expressionsTypeTheirParameters() {
        assertThat(types("SELECT quantity + ?, CASE WHEN amount > ? THEN 1 ELSE ? END FROM events"))
                .containsExactly(LogicalType.INTEGER, LogicalType.decimal(12, 2), LogicalType.INTEGER);
        assertThat(types("SELECT CAST(? AS DATE), COALESCE(kind, ?) FROM events"))
                .containsExactly(LogicalType.DATE, LogicalType.varchar(20));
    }

    @Test
    void limitAndOffsetAreIntegers() {
        assertThat(types("SELECT id FROM events ORDER BY id LIMIT ? OFFSET ?"))
                .containsExactly(LogicalType.INTEGER, LogicalType.INTEGER);
        assertThat(plan("SELECT id FROM events ORDER BY id LIMIT ? OFFSET ?")).isEqualTo("""
                Sort $0 ASC offset=$2:INTEGER limit=$1:INTEGER
                  Scan main.events columns=[id]
                """);
        assertThat(plan("SELECT id FROM events LIMIT ?")).isEqualTo("""
                Limit offset=0 limit=$1:INTEGER
                  Scan main.events columns=[id]
                """);
    }

    @Test
    void wholeResultColumnsTakeTheTypesTheyAreAssignedTo() {
        LogicalType five = LogicalType.varchar(5);
        LogicalType money = LogicalType.decimal(15, 2);

        PlannedQuery values = assigned("VALUES (?, ?)", five, money);
        assertThat(values.parameterTypes()).containsExactly(five, money);
        assertThat(values.columns().stream().map(column -> column.type()).toList()).containsExactly(five, money);
        assertThat(PhysicalPlanText.of(values.plan())).isEqualTo("""
                Project EXPR$0=$1:VARCHAR(5), EXPR$1=$2:DECIMAL(15,2)
                  Values [[0]]
                """);
        assertThat(assigned("VALUES (?, 1.5), ('x', ?)", five, money).parameterTypes()).containsExactly(five, money);
        assertThat(assigned("SELECT ?, ? AS second FROM events", five, money).parameterTypes()).containsExactly(five, money);
        assertThat(assigned("SELECT ? UNION ALL SELECT kind FROM events", five).parameterTypes()).containsExactly(five);
        assertThat(assigned("SELECT ? + 1, ? FROM events ORDER BY 1 LIMIT 3", five, money).parameterTypes())
                .as("a parameter inside an expression keeps its context's type").containsExactly(LogicalType.INTEGER, money);
        assertThat(assigned("SELECT id FROM events WHERE id = ?", LogicalType.INTEGER).parameterTypes())
                .containsExactly(LogicalType.BIGINT);
    }

    @Test
    void moreColumnsThanAssignedTypesIsAnError() {
        PlanningException error = org.assertj.core.api.Assertions.catchThrowableOfType(PlanningException.class,
                () -> assigned("VALUES (?, ?, ?)", LogicalType.INTEGER, LogicalType.INTEGER));

        assertThat(error.sqlState()).isEqualTo("42601");
        assertThat(error.getMessage()).isEqualTo("INSERT has more expressions than target columns");
        assertThat(error.column()).hasValue(15);
    }

    @Test
    void parametersStayParametersThroughConstantFolding() {
        assertThat(plan("SELECT id FROM events WHERE event_day <= DATE '1998-12-01' - INTERVAL '90' DAY AND amount < ?"
                + " AND 1 = 1 AND ? > 5")).isEqualTo("""
                Scan main.events columns=[id] filterOnly=[amount,event_day] filter=AND(LESS_THAN_OR_EQUAL($2, 10471:DATE), LESS_THAN($1, $1:DECIMAL(12,2)), GREATER_THAN($2:INTEGER, 5:INTEGER))
                """);
        assertThat(plan("SELECT id FROM events WHERE quantity = ? AND quantity = ?")).isEqualTo("""
                Scan main.events columns=[id] filterOnly=[quantity] filter=AND(EQUAL($1, $1:INTEGER), EQUAL($1, $2:INTEGER))
                """);
    }

    @Test
    void parametersInJoinsSubqueriesAndAggregates() {
        assertThat(plan("SELECT e.id, t.label FROM events e JOIN tags t ON e.tag_id = t.tag_id AND t.parent_id > ?"
                + " WHERE EXISTS (SELECT 1 FROM tags p WHERE p.tag_id = t.parent_id AND p.label <> ?)"))
                .contains("Scan main.tags columns=[tag_id,label,parent_id] filter=GREATER_THAN($2, $1:BIGINT)")
                .contains("NOT_EQUAL($1, $2:TEXT)");
        assertThat(plan("SELECT kind, count(*) FILTER (WHERE amount > ?) FROM events GROUP BY kind HAVING sum(quantity) < ?"))
                .contains("GREATER_THAN($2, $1:DECIMAL(12,2))")
                .contains("LESS_THAN($2, $2:BIGINT)");
    }

    @Test
    void aPlanWithoutParametersHasNoParameterTypes() {
        assertThat(types("SELECT id FROM events WHERE kind = '?'")).isEmpty();
    }
}
