package io.basalt.tpch;

/**
 * How one table loaded: rows, the size of its text ({@code .tbl} bytes), seconds from the start of its
 * {@code COPY} to durable data, and the bytes it added on disk (-1 when the database's files are not known).
 */
public record TableLoad(String table, long rows, long textBytes, double seconds, long diskBytes) {

    public double rowsPerSecond() {
        return seconds > 0 ? rows / seconds : 0;
    }
}
