package io.basalt.optimizer.dml;

import java.util.List;

/**
 * What a DML statement does with the rows its query returns (MERGE: with the rows of one WHEN clause).
 *
 * @param kind        delete the row, replace it (UPDATE), add a new one (INSERT), or nothing (DO NOTHING)
 * @param firstColumn for UPDATE and INSERT, the first of the query's columns holding the new row, one per table column
 *                    in table order, each of its column's type; -1 otherwise
 * @param generatedColumns for INSERT, the identity columns (table positions) the statement leaves out: the row holds
 *                    NULL there and the table writer fills in the generated values, as for INSERT
 */
public record ChangeAction(Kind kind, int firstColumn, List<Integer> generatedColumns) {

    public ChangeAction {
        generatedColumns = List.copyOf(generatedColumns);
    }

    /** An action without generated columns. */
    public ChangeAction(Kind kind, int firstColumn) {
        this(kind, firstColumn, List.of());
    }

    public enum Kind { DELETE, UPDATE, INSERT, NOTHING }

    /** Whether the action removes the row the query names (DELETE, and UPDATE's old version). */
    public boolean removesRow() {
        return kind == Kind.DELETE || kind == Kind.UPDATE;
    }

    /** Whether the action appends a new row (UPDATE's new version, INSERT). */
    public boolean addsRow() {
        return kind == Kind.UPDATE || kind == Kind.INSERT;
    }
}
