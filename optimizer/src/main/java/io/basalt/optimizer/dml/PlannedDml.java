package io.basalt.optimizer.dml;

import io.basalt.optimizer.PlannedQuery;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;

/**
 * A planned DELETE, UPDATE or MERGE: the query that finds the target rows and computes the new ones, and what to do
 * with each row it returns. The query's columns are: the target row's identity (BIGINT, see execution's
 * {@code RowIdentity}; NULL for a MERGE source row without a match); for a MERGE, the number of the WHEN clause that
 * applies (INTEGER, 1-based into {@link #actions}; 0: none); then, for each action that writes rows, one column per
 * table column, of that column's type, from {@link ChangeAction#firstColumn()} on. Applying it (deletion vectors,
 * appends, one transaction) is the server's job.
 *
 * @param parameterTypes the type of each {@code ?} of the statement, in the statement's text order
 * @param queryParameterOrder for the query's j-th parameter, the index of the statement's parameter it is (the
 *                            query lists MERGE's parts in another order than the statement)
 * @param readsTargetRows whether the statement reads the target's rows to choose them (a WHERE condition, MERGE's ON),
 *                        so that it needs SELECT on the target as well
 */
public record PlannedDml(DmlKind kind, long tableId, TableDefinition table, PlannedQuery query,
                         List<ChangeAction> actions, List<LogicalType> parameterTypes, int[] queryParameterOrder,
                         boolean readsTargetRows) {

    public PlannedDml {
        actions = List.copyOf(actions);
        parameterTypes = List.copyOf(parameterTypes);
        queryParameterOrder = queryParameterOrder.clone();
    }

    /** Whether the query has a clause-number column (MERGE); otherwise the one action applies to every row. */
    public boolean choosesClauses() {
        return kind == DmlKind.MERGE;
    }

    /** The statement's parameter values (text order) in the order the query's parameters are numbered. */
    public <T> List<T> queryValues(List<T> values) {
        List<T> ordered = new ArrayList<>(values.size());
        for (int index : queryParameterOrder) {
            ordered.add(values.get(index));
        }
        return ordered;
    }
}
