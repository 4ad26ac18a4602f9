package io.basalt.optimizer.sql;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.NlsString;

/**
 * Gives string constants the type PostgreSQL and DuckDB give them, text, instead of the SQL standard's
 * {@code CHAR(n)} that Calcite gives them. The difference shows in trailing blanks: a CHAR value ignores them
 * (and Basalt stores CHAR values without them), so {@code 'a ' || 'b'} would be {@code 'ab'} and
 * {@code length('a ')} 1, where users expect {@code 'a b'} and 2. Each constant becomes
 * {@code CAST('…' AS VARCHAR(n))}, which Calcite folds back into a VARCHAR constant. Comparing with a CHAR
 * column still ignores trailing blanks: the constant then takes the column's type.
 */
final class TextLiterals extends SqlShuttle {

    static final TextLiterals INSTANCE = new TextLiterals();

    private TextLiterals() {
    }

    @Override
    public SqlNode visit(SqlLiteral literal) {
        if (!(literal instanceof SqlCharStringLiteral text)) {
            return literal;
        }
        NlsString value = text.getValueAs(NlsString.class);
        // VARCHAR(0) is not a type Calcite accepts; '' fits VARCHAR(1) just as well.
        int length = Math.max(1, value.getValue().length());
        SqlDataTypeSpec varchar = new SqlDataTypeSpec(
                new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, length, literal.getParserPosition()),
                literal.getParserPosition());
        return SqlStdOperatorTable.CAST.createCall(literal.getParserPosition(), literal, varchar);
    }
}
