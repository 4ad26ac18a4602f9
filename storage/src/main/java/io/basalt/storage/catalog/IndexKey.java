package io.basalt.storage.catalog;

import java.util.Objects;

/** One key column of an index and its sort direction ({@code col DESC}). */
public record IndexKey(String column, boolean descending) {

    public IndexKey {
        Objects.requireNonNull(column, "column");
    }

    public IndexKey renamed(String oldName, String newName) {
        return column.equals(oldName) ? new IndexKey(newName, descending) : this;
    }
}
