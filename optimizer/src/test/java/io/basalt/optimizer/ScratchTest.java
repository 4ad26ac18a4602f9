package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class ScratchTest {
    @TempDir
    Path directory;

    @Test
    void print() {
        Manifest catalog = TpchCatalog.create(directory);
        for (String q : System.getProperty("queries", "").split(";;")) {
            try {
                PlannedQuery planned = new QueryPlanner().plan(q, catalog, PlannerOptions.DEFAULTS);
                System.out.println(planned.logicalPlanText());
                System.out.println(PhysicalPlanText.of(planned.plan()));
                System.out.println(planned.columns());
            } catch (PlanningException e) {
                System.out.println(e.sqlState() + " " + e.getMessage() + " at " + e.line() + ":" + e.column());
            }
        }
    }
}
