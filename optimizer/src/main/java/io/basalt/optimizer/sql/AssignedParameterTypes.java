package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
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
    private final QueryParser.ParsedQuery parsed;

    private AssignedParameterTypes(List<RelDataType> types, QueryParser.ParsedQuery parsed) {
        this.types = types;
        this.parsed = parsed;
    }

    /**
     * Wraps, in place, the parameters of the parsed query that are whole result columns; column i gets types[i].
     *
     * @throws PlanningException 42601 when a VALUES row or SELECT list has more columns than there are types
     */
    static void apply(QueryParser.ParsedQuery parsed, List<RelDataType> types) {
        if (!types.isEmpty()) {
            new AssignedParameterTypes(types, parsed).query(parsed.query());
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
                    checkCount(rowCall.getOperandList());
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
        if (selectList.stream().noneMatch(item -> item instanceof SqlIdentifier identifier && identifier.isStar())) {
            checkCount(selectList.getList());
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

    /**
     * More columns than targets is an error in any case; found here, before a parameter among the extra columns
     * would be reported as untyped, it is reported as what it is.
     */
    private void checkCount(List<? extends SqlNode> columns) {
        if (columns.size() > types.size()) {
            SqlParserPos position = columns.get(types.size()).getParserPosition();
            throw new PlanningException(PlanningException.SYNTAX_ERROR, "INSERT has more expressions than target columns",
                    position.getLineNum(), parsed.originalColumn(position.getLineNum(), position.getColumnNum()), null);
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
