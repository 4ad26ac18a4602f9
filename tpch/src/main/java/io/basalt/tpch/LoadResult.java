package io.basalt.tpch;

import java.util.List;

/**
 * One database's load: each table, the total seconds (creating the tables included), the bytes the load
 * added on disk and the bytes of the whole database afterwards (both -1 when unknown). The two differ when
 * the database kept files of earlier data (Basalt keeps dropped tables' segments until a vacuum).
 * {@code source} says where rows came from: {@code .tbl files} or {@code generator pipe}.
 */
public record LoadResult(String database, String url, String source, List<TableLoad> tables, double seconds,
                         long bytesOnDisk, long databaseBytes) {

    public long rows() {
        return tables.stream().mapToLong(TableLoad::rows).sum();
    }

    public long textBytes() {
        return tables.stream().mapToLong(TableLoad::textBytes).sum();
    }

    /** Text bytes per byte on disk: 4 means the database is four times smaller than its text. */
    public double compressionRatio() {
        return bytesOnDisk > 0 ? (double) textBytes() / bytesOnDisk : 0;
    }
}
