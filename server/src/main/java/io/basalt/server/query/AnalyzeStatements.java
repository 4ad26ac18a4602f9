package io.basalt.server.query;

import io.basalt.optimizer.statistics.SegmentStatisticsCache;
import io.basalt.parser.ast.AnalyzeStatement;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ANALYZE [table]}: reads the segment footers of one table (or of every table) again and recomputes its
 * column statistics (ranges, null fractions, distinct counts from the merged sketches) in the planner's cache.
 * Statistics are not written anywhere: segment footers are their durable source, and the planner derives them
 * on first use anyway; ANALYZE makes that happen now (so the first query after a load does not pay for it) and
 * recovers from any doubt about the cache. Returns PostgreSQL's command tag {@code ANALYZE}.
 */
public final class AnalyzeStatements {

    private AnalyzeStatements() {
    }

    public static StatementResult analyze(StorageEngine storage, SegmentStatisticsCache statistics,
                                          AnalyzeStatement statement, String currentSchema) {
        Manifest catalog = storage.current();
        List<TableEntry> tables = new ArrayList<>();
        if (statement.table().isPresent()) {
            QualifiedName name = statement.table().get();
            tables.add(catalog.table(name.schema().orElse(currentSchema), name.name()).orElseThrow(
                    () -> new StatementException("42P01", "relation \"" + name + "\" does not exist")));
        } else {
            for (String schema : catalog.schemas()) {
                tables.addAll(catalog.tablesIn(schema));
            }
        }
        for (TableEntry table : tables) {
            statistics.refresh(table);
        }
        return new StatementResult.RowCount("ANALYZE", 0);
    }
}
