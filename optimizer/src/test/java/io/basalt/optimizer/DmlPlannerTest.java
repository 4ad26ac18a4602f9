package io.basalt.optimizer;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.optimizer.dml.ChangeAction;
import io.basalt.optimizer.dml.DmlKind;
import io.basalt.optimizer.dml.DmlPlanner;
import io.basalt.optimizer.dml.PlannedDml;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DmlPlannerTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;
    private static final DmlPlanner PLANNER = new DmlPlanner(new QueryPlanner());

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.create(directory);
    }

    private static PlannedDml plan(String statement) {
        return PLANNER.plan(statement, catalog, PlannerOptions.DEFAULTS);
    }

    private static PlanningException failure(String statement) {
        PlanningException error = catchThrowableOfType(PlanningException.class, () -> plan(statement));
        assertThat(error).as("planning should fail: " + statement).isNotNull();
        return error;
    }

    @Test
    void aDeleteReturnsTheRowIdentitiesOfItsTarget() {
        PlannedDml delete = plan("DELETE FROM nation WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name = 'ASIA')");
        assertThat(delete.kind()).isEqualTo(DmlKind.DELETE);
        assertThat(delete.actions()).containsExactly(new ChangeAction(ChangeAction.Kind.DELETE, -1));
        assertThat(delete.query().plan().output()).hasSize(1);
        assertThat(delete.query().plan().output().get(0).type()).isEqualTo(LogicalType.BIGINT);
        List<TableScanNode> scans = scans(delete.query().plan());
        assertThat(scans).anySatisfy(scan -> {
            assertThat(scan.table()).isEqualTo("nation");
            assertThat(scan.columns()).contains(TableScanNode.ROW_ID);
        });
        assertThat(scans).filteredOn(scan -> scan.table().equals("region"))
                .allSatisfy(scan -> assertThat(scan.columns()).doesNotContain(TableScanNode.ROW_ID));
    }

    @Test
    void anUpdateComputesWholeNewRowsInTheColumnTypes() {
        PlannedDml update = plan("UPDATE nation SET n_comment = 'x', n_regionkey = n_regionkey + 1 WHERE n_nationkey = 3");
        assertThat(update.actions()).containsExactly(new ChangeAction(ChangeAction.Kind.UPDATE, 1));
        assertThat(update.query().plan().output()).hasSize(1 + update.table().columns().size());
        for (int c = 0; c < update.table().columns().size(); c++) {
            assertThat(update.query().plan().output().get(1 + c).type()).isEqualTo(update.table().columns().get(c).type());
        }
    }

    @Test
    void mergeParametersAreTypedAndOrderedAsTheStatementWritesThem() {
        PlannedDml merge = plan("MERGE INTO region r USING (SELECT * FROM nation WHERE n_name = ?) n "
                + "ON r.r_regionkey = n.n_regionkey + ? "
                + "WHEN MATCHED AND r.r_name <> ? THEN UPDATE SET r_comment = ? "
                + "WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN DO NOTHING");
        assertThat(merge.actions()).extracting(ChangeAction::kind).containsExactly(ChangeAction.Kind.UPDATE,
                ChangeAction.Kind.DELETE, ChangeAction.Kind.NOTHING);
        assertThat(merge.parameterTypes()).extracting(LogicalType::kind).extracting(Enum::name)
                .containsExactly("CHAR", "INTEGER", "CHAR", "VARCHAR");
        assertThat(merge.queryValues(List.of("a", "b", "c", "d"))).containsExactly("c", "d", "a", "b");
    }

    @Test
    void errorsPointIntoTheStatement() {
        PlanningException column = failure("UPDATE nation\n   SET n_comment = nosuch");
        assertThat(column.sqlState()).isEqualTo("42703");
        assertThat(column.line()).hasValue(2);
        assertThat(column.column()).hasValue(20);
        PlanningException target = failure("UPDATE nation SET colour = 1");
        assertThat(target.sqlState()).isEqualTo("42703");
        assertThat(target.column()).hasValue(19);
        assertThat(failure("DELETE FROM natoin").sqlState()).isEqualTo("42P01");
        assertThat(failure("DELETE nation").sqlState()).isEqualTo("42601");
        assertThat(failure("MERGE INTO nation USING region ON true").sqlState()).isEqualTo("42601");
        assertThat(failure("MERGE INTO nation USING region ON true WHEN NOT MATCHED THEN INSERT VALUES (1)").sqlState())
                .isEqualTo("42601");
        assertThat(failure("UPDATE nation SET (n_name, n_comment) = ('a', 'b')").sqlState()).isEqualTo("0A000");
    }

    @Test
    void queriesNeverSeeTheRowIdentityColumn() {
        PlanningException error = catchThrowableOfType(PlanningException.class, () -> new QueryPlanner()
                .plan("SELECT " + PlannerOptions.ROW_IDENTITY_COLUMN + " FROM nation", catalog, PlannerOptions.DEFAULTS));
        assertThat(error.sqlState()).isEqualTo("42703");
    }

    private static List<TableScanNode> scans(PhysicalNode node) {
        List<TableScanNode> scans = new ArrayList<>();
        if (node instanceof TableScanNode scan) {
            scans.add(scan);
        }
        for (PhysicalNode input : node.inputs()) {
            scans.addAll(scans(input));
        }
        return scans;
    }
}
