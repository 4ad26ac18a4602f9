package io.basalt.storage.vector;

import java.util.List;

/** A run of rows as one vector per column, all with {@code rowCount} positions. */
public record ColumnBatch(int rowCount, List<ColumnVector> columns) {

    public ColumnBatch {
        columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).positionCount() != rowCount) {
                throw new IllegalArgumentException("column " + i + " has " + columns.get(i).positionCount()
                        + " positions, the batch " + rowCount);
            }
        }
    }

    public ColumnVector column(int index) {
        return columns.get(index);
    }

    public int columnCount() {
        return columns.size();
    }
}
