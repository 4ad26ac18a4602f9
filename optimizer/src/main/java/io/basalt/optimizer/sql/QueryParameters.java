package io.basalt.optimizer.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ?} parameters of a parsed query, in the order of their indexes (Calcite's parser numbers them in text
 * order, from 0). Collected before validation: the validator keeps the parameter nodes and records a type for each.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static List<SqlDynamicParam> of(SqlNode query) {
        List<SqlDynamicParam> parameters = new ArrayList<>();
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam parameter) {
                parameters.add(parameter);
                return null;
            }
        });
        parameters.sort(Comparator.comparingInt(SqlDynamicParam::getIndex));
        return parameters;
    }

    /**
     * Makes the parameters of LIKE patterns (and escapes) unbounded text after validation. Calcite types a pattern
     * like the value it matches ({@code l_comment LIKE ?} would be a VARCHAR(44)), but a pattern may well be longer
     * than any value ({@code '%special%requests%'} against a VARCHAR(10)). LIKE's result is BOOLEAN whatever its
     * pattern's length, so nothing derived from the old type changes; SqlToRel reads the new type.
     */
    static void widenLikePatterns(SqlNode validated, SqlValidator validator) {
        RelDataTypeFactory typeFactory = validator.getTypeFactory();
        validated.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (call.getKind() == SqlKind.LIKE || call.getKind() == SqlKind.SIMILAR) {
                    for (SqlNode operand : call.getOperandList().subList(1, call.operandCount())) {
                        RelDataType type = operand instanceof SqlDynamicParam
                                ? validator.getValidatedNodeTypeIfKnown(operand) : null;
                        if (type != null && SqlTypeUtil.isCharacter(type)) {
                            RelDataType text = typeFactory.createTypeWithNullability(
                                    typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
                            if (type.getCharset() != null && type.getCollation() != null) {
                                text = typeFactory.createTypeWithCharsetAndCollation(text, type.getCharset(),
                                        type.getCollation());
                            }
                            validator.setValidatedNodeType(operand, text);
                        }
                    }
                }
                return super.visit(call);
            }
        });
    }

    /** The first parameter inside the range a validator error covers (1-based positions, inclusive). */
    static Optional<SqlDynamicParam> within(SqlNode query, int line, int column, int endLine, int endColumn) {
        long start = (long) line << 32 | column;
        long end = (long) endLine << 32 | endColumn;
        return of(query).stream()
                .filter(parameter -> {
                    long at = (long) parameter.getParserPosition().getLineNum() << 32
                            | parameter.getParserPosition().getColumnNum();
                    return at >= start && at <= end;
                })
                .findFirst();
    }

    /** The parameter at a position the validator reported (1-based, in the text Calcite parsed), if one is there. */
    static Optional<SqlDynamicParam> at(SqlNode query, int line, int column) {
        return of(query).stream()
                .filter(parameter -> parameter.getParserPosition().getLineNum() == line
                        && parameter.getParserPosition().getColumnNum() == column)
                .findFirst();
    }
}
