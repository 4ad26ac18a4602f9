package io.basalt.optimizer;

import io.basalt.storage.commit.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimized plans of chosen TPC-H queries (statistics of scale factor 1), compared with the expected text in
 * {@code src/test/resources/golden}: Calcite's logical plan ({@code qN.logical}) and the physical plan
 * ({@code qN.physical}). Q2, Q17 and Q20 cover decorrelated subqueries, Q21 semi and anti joins. After an intended
 * change, regenerate with {@code -Dbasalt.golden.update=true} and review the diff.
 */
class GoldenPlanTest {

    @TempDir
    static Path directory;

    private static Manifest catalog;

    @BeforeAll
    static void createCatalog() {
        catalog = TpchCatalog.atScaleFactorOne(TpchCatalog.create(directory));
    }

    @ParameterizedTest(name = "Q{0}")
    @ValueSource(ints = {1, 2, 3, 5, 6, 7, 9, 10, 11, 14, 15, 17, 20, 21})
    void matchesTheGoldenPlans(int query) throws IOException {
        PlannedQuery planned = new QueryPlanner(TpchStatistics.SF1).plan(TpchQueries.text(query), catalog,
                PlannerOptions.DEFAULTS);

        check("q" + query + ".logical", planned.logicalPlanText());
        check("q" + query + ".physical", PhysicalPlanText.of(planned.plan()));
    }

    private static void check(String name, String actual) throws IOException {
        if (Boolean.getBoolean("basalt.golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden").resolve(name), actual);
            return;
        }
        try (InputStream in = GoldenPlanTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
