package io.basalt.server.system;

import io.basalt.optimizer.catalog.RuntimeTable;
import io.basalt.server.SessionSettings;
import io.basalt.storage.DataLayout;
import io.basalt.storage.segment.BlockCache;

import java.util.List;

/**
 * Basalt's system tables in information_schema whose rows are not in the manifest, as the planner takes them
 * ({@link RuntimeTable}): {@code basalt_settings} (this session's settings), {@code basalt_queries} (the database's
 * running and recent statements), {@code basalt_segments} (every segment, with its columns' encodings from the
 * segment footers) and {@code basalt_block_cache} (one row: the database's cache of segment blocks, its budget, use
 * and counters).
 */
public final class SystemTables {

    private SystemTables() {
    }

    /** The tables for one session. */
    public static List<RuntimeTable> of(SessionSettings settings, QueryLog log, DataLayout layout, BlockCache blockCache) {
        return List.of(
                new RuntimeTable("basalt_settings", List.of(RuntimeTable.text("name"), RuntimeTable.text("value"),
                        RuntimeTable.text("description")), catalog -> settings.rows()),
                new RuntimeTable("basalt_queries", List.of(RuntimeTable.bigint("query_id"), RuntimeTable.bigint("session_id"),
                        RuntimeTable.text("user_name"), RuntimeTable.text("state"), RuntimeTable.text("query"),
                        RuntimeTable.text("started"), RuntimeTable.bigint("elapsed_ms"), RuntimeTable.bigint("row_count"),
                        RuntimeTable.text("error_sqlstate")), catalog -> log.rows()),
                new RuntimeTable("basalt_segments", List.of(RuntimeTable.text("table_schema"), RuntimeTable.text("table_name"),
                        RuntimeTable.bigint("partition_id"), RuntimeTable.bigint("segment_id"), RuntimeTable.bigint("row_count"),
                        RuntimeTable.bigint("deleted_rows"), RuntimeTable.bigint("byte_size"), RuntimeTable.text("encodings")),
                        catalog -> SegmentRows.of(layout, catalog)),
                new RuntimeTable("basalt_block_cache", List.of(RuntimeTable.bigint("capacity_bytes"),
                        RuntimeTable.bigint("held_bytes"), RuntimeTable.bigint("blocks"), RuntimeTable.bigint("hits"),
                        RuntimeTable.bigint("misses"), RuntimeTable.bigint("rejections")),
                        catalog -> List.of(List.<Object>of(blockCache.capacityBytes(), blockCache.heldBytes(),
                                (long) blockCache.blockCount(), blockCache.hits(), blockCache.misses(),
                                blockCache.rejections()))));
    }

    /** Whether a query's text names a table whose rows change without a catalog change (its plan is not kept). */
    public static boolean readsRuntimeRows(String sql) {
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("basalt_settings") || lower.contains("basalt_queries")
                || lower.contains("basalt_block_cache");
    }
}
