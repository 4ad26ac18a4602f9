package io.basalt.execution.plan;

import java.util.Arrays;
import java.util.Objects;

/**
 * The index a table scan may read instead of the table (chosen by the optimizer): the index's sorted copy holds the
 * scanned columns, and the scan's filter constrains its leading key, so zone maps of the sorted copy skip all but the
 * blocks in range. The scan reads the index only when it covers every column the scan reads and its stored data is
 * fresh for the snapshot the query runs on; otherwise it reads the table, with the same result.
 *
 * @param indexPositions per table column, its column position in the index's data segment, or -1 when the index does
 *                       not store it
 * @param range          the filter's conditions on the leading key, as EXPLAIN shows them
 */
public record IndexChoice(long indexId, String name, int[] indexPositions, String range) {

    public IndexChoice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(range, "range");
        indexPositions = indexPositions.clone();
    }

    /** Whether the index stores every one of {@code tableColumns} (a row identity is not a stored column). */
    public boolean covers(int[] tableColumns) {
        for (int column : tableColumns) {
            if (column < 0 || column >= indexPositions.length || indexPositions[column] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The positions in the index's data of {@code tableColumns}, which it must {@link #covers cover}. */
    public int[] indexColumns(int[] tableColumns) {
        return Arrays.stream(tableColumns).map(column -> indexPositions[column]).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexChoice that && indexId == that.indexId && name.equals(that.name)
                && Arrays.equals(indexPositions, that.indexPositions) && range.equals(that.range);
    }

    @Override
    public int hashCode() {
        return Objects.hash(indexId, name, Arrays.hashCode(indexPositions), range);
    }

    @Override
    public String toString() {
        return "IndexChoice[" + name + ", range=" + range + "]";
    }
}
