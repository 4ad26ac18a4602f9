package io.basalt.optimizer.sql;

import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.util.Litmus;

/**
 * Gives ORDER BY PostgreSQL's reading of a name that several output columns share. PostgreSQL calls
 * {@code SELECT id, k, k FROM t ORDER BY k} ambiguous only when those columns' expressions differ; Calcite's
 * validator refuses it always (42702). Before validation, such an ORDER BY name whose output columns are all the same
 * expression becomes the position of the first of them ({@code ORDER BY 2}), which sorts by the same values. Names
 * of columns with different expressions are left alone, so they still fail as ambiguous, as in PostgreSQL.
 */
final class RepeatedOutputNames {

    private RepeatedOutputNames() {
    }

    /** Rewrites, in place, every ORDER BY of {@code query} (subqueries included). */
    static void resolve(SqlNode query) {
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call instanceof SqlOrderBy) {
                    SqlOrderBy orderBy = (SqlOrderBy) call;
                    resolveOrderList(orderBy.query, orderBy.orderList);
                } else if (call instanceof SqlSelect) {
                    SqlSelect select = (SqlSelect) call;
                    resolveOrderList(select, select.getOrderList());
                }
                return super.visit(call);
            }
        });
    }

    private static void resolveOrderList(SqlNode query, SqlNodeList orderList) {
        if (!(query instanceof SqlSelect) || orderList == null) {
            return;
        }
        SqlNodeList selectList = ((SqlSelect) query).getSelectList();
        for (int i = 0; i < orderList.size(); i++) {
            orderList.set(i, resolveItem(orderList.get(i), selectList));
        }
    }

    /** {@code item} with its name replaced by a position where that applies; DESC and NULLS FIRST/LAST wrap it. */
    private static SqlNode resolveItem(SqlNode item, SqlNodeList selectList) {
        if (item instanceof SqlIdentifier) {
            return position((SqlIdentifier) item, selectList);
        }
        if (isDirection(item)) {
            SqlCall direction = (SqlCall) item;
            direction.setOperand(0, resolveItem(direction.operand(0), selectList));
        }
        return item;
    }

    private static boolean isDirection(SqlNode node) {
        return node instanceof SqlBasicCall && (node.getKind() == SqlKind.DESCENDING
                || node.getKind() == SqlKind.NULLS_FIRST || node.getKind() == SqlKind.NULLS_LAST);
    }

    /** The position of the output columns {@code name} names, when there are several and all alike; else the name. */
    private static SqlNode position(SqlIdentifier name, SqlNodeList selectList) {
        if (selectList == null || !name.isSimple()) {
            return name;
        }
        int first = -1;
        SqlNode expression = null;
        int matches = 0;
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode item = selectList.get(i);
            if (name.getSimple().equals(SqlValidatorUtil.alias(item))) {
                SqlNode itemExpression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
                if (expression == null) {
                    first = i;
                    expression = itemExpression;
                } else if (!expression.equalsDeep(itemExpression, Litmus.IGNORE)) {
                    return name;
                }
                matches++;
            }
        }
        return matches > 1 ? SqlLiteral.createExactNumeric(Integer.toString(first + 1), name.getParserPosition()) : name;
    }
}
