package io.basalt.optimizer.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;

import java.util.List;

/**
 * Gives a parameter that is a whole result column the type its column is assigned to: in
 * {@code INSERT INTO t VALUES (?, ?)} the source query is planned on its own, where nothing says what {@code ?}
 * is, so each such parameter is wrapped in {@code CAST(? AS <target column type>)} before validation. Calcite
 * then infers the parameter's type from the CAST (the type itself, so the cast changes nothing and disappears).
 * VALUES rows, SELECT lists (also under an alias), ORDER BY/LIMIT wrappers, WITH bodies and set operations are
 * followed; parameters inside expressions keep the type their context gives them.
 */
final class AssignedParameterTypes {

    private final List<RelDataType> types;

    private AssignedParameterTypes(List<RelDataType> types) {
        this.types = types;
    }

    /** Wraps, in place, the parameters of {@code query} that are whole result columns; column i gets types[i]. */
    static void apply(SqlNode query, List<RelDataType> types) {
        if (!types.isEmpty()) {
            new AssignedParameterTypes(types).query(query);
        }
    }

    private void query(SqlNode query) {
        if (query instanceof SqlSelect select) {
            columns(select.getSelectList());
        } else if (query instanceof SqlOrderBy orderBy) {
            query(orderBy.query);
        } else if (query instanceof SqlWith with) {
            query(with.body);
        } else if (query instanceof SqlCall call && call.getKind() == SqlKind.VALUES) {
            for (SqlNode row : call.getOperandList()) {
                if (row instanceof SqlCall rowCall && row.getKind() == SqlKind.ROW) {
                    for (int i = 0; i < rowCall.operandCount(); i++) {
                        rowCall.setOperand(i, typed(rowCall.operand(i), i));
                    }
                }
            }
        } else if (query instanceof SqlCall call && call.getKind().belongsTo(SqlKind.SET_QUERY)) {
            for (SqlNode operand : call.getOperandList()) {
                query(operand);
            }
        }
    }

    private void columns(SqlNodeList selectList) {
        if (selectList == null) {
            return;
        }
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode item = selectList.get(i);
            if (item instanceof SqlCall alias && alias.getKind() == SqlKind.AS) {
                alias.setOperand(0, typed(alias.operand(0), i));
            } else {
                selectList.set(i, typed(item, i));
            }
        }
    }

    private SqlNode typed(SqlNode node, int column) {
        if (!(node instanceof SqlDynamicParam) || column >= types.size() || types.get(column) == null) {
            return node;
        }
        return new SqlBasicCall(SqlStdOperatorTable.CAST,
                List.of(node, SqlTypeUtil.convertTypeToSpec(types.get(column))), node.getParserPosition());
    }
}
