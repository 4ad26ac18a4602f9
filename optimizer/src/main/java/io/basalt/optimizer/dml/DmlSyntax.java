package io.basalt.optimizer.dml;

import io.basalt.optimizer.dml.DmlTokens.Span;

import java.util.List;
import java.util.Optional;

/**
 * The skeleton of a DELETE, UPDATE or MERGE statement: its target table and where its parts are in the text. The
 * parts themselves (conditions, values, the FROM/USING list, the MERGE source) stay text, planned by Calcite as
 * pieces of one query ({@link ChangeQueryText}).
 *
 * @param kind        which statement
 * @param target      the table written
 * @param sources     DELETE's USING list, UPDATE's FROM list, MERGE's source; empty when there is none
 * @param condition   DELETE's and UPDATE's WHERE condition, MERGE's ON condition
 * @param assignments UPDATE's SET list (MERGE clauses have their own)
 * @param clauses     MERGE's WHEN clauses, in order
 */
record DmlSyntax(DmlKind kind, Target target, Optional<Span> sources, Optional<Span> condition,
                 List<Assignment> assignments, List<MergeClause> clauses) {

    /** The table a statement writes: its (possibly qualified) name and the alias it is referred to by. */
    record Target(Span name, List<String> nameParts, Optional<Span> alias, int offset) {
    }

    /** {@code column = value}; {@code offset} is where the column name is written. */
    record Assignment(String column, int offset, Span value) {
    }

    /** What a MERGE clause does. */
    enum Action { UPDATE, DELETE, INSERT, NOTHING }

    /**
     * {@code WHEN [NOT] MATCHED [AND condition] THEN action}.
     *
     * @param insertColumns the columns an INSERT names (empty: all, in table order)
     */
    record MergeClause(boolean matched, Optional<Span> condition, Action action, List<Assignment> assignments,
                       List<String> insertColumns, List<Span> insertValues, int offset) {
    }
}
