package io.basalt.optimizer.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names for result columns the query does not name, as PostgreSQL gives them (and clients show them): a
 * function call is named after the function ({@code sum(l_quantity)} → {@code sum}), a cast after what it
 * casts, a CASE {@code case}, anything else {@code ?column?}. Calcite would call them {@code EXPR$n}.
 */
final class ResultColumnNames {

    private static final Pattern GENERATED = Pattern.compile("EXPR\\$\\d+");
    private static final String UNNAMED = "?column?";

    private ResultColumnNames() {
    }

    static List<String> of(SqlNode validated, List<String> calciteNames) {
        SqlNodeList items = selectList(validated);
        List<String> names = new ArrayList<>(calciteNames);
        if (items == null || items.size() != names.size()) {
            return names;
        }
        for (int i = 0; i < names.size(); i++) {
            if (GENERATED.matcher(names.get(i)).matches()) {
                names.set(i, derive(items.get(i)));
            }
        }
        return names;
    }

    private static SqlNodeList selectList(SqlNode node) {
        while (true) {
            if (node instanceof SqlOrderBy orderBy) {
                node = orderBy.query;
            } else if (node instanceof SqlWith with) {
                node = with.body;
            } else if (node instanceof SqlSelect select) {
                return select.getSelectList();
            } else if (node instanceof SqlCall call && node.getKind().belongsTo(SqlKind.SET_QUERY)) {
                node = call.operand(0);
            } else {
                return null;
            }
        }
    }

    private static String derive(SqlNode node) {
        if (node instanceof SqlIdentifier identifier) {
            return identifier.names.get(identifier.names.size() - 1);
        }
        if (!(node instanceof SqlCall call)) {
            return UNNAMED;
        }
        if (call.getKind() == SqlKind.AS || call.getKind() == SqlKind.CAST || call.getKind() == SqlKind.FILTER
                || call.getKind() == SqlKind.WITHIN_GROUP || call.getKind() == SqlKind.OVER) {
            return derive(call.operand(0));
        }
        if (call.getKind() == SqlKind.CASE) {
            return "case";
        }
        if (call.getOperator() instanceof SqlFunction function) {
            return function.getName().toLowerCase(Locale.ROOT);
        }
        return UNNAMED;
    }
}
