package io.basalt.optimizer.sql;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlBasicAggFunction;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.List;

/**
 * The functions queries may call: the SQL standard's, plus the PostgreSQL spellings users type every day
 * ({@code substr}, {@code length}, {@code strpos}, {@code date('…')} as a cast, and the {@code x::type} cast), the
 * aggregates {@code bool_and}, {@code bool_or}, {@code string_agg} and {@code median}, the
 * PostgreSQL functions analysts use (see {@link PostgresFunctions} and the Calcite library operators below) and
 * {@code date - date} and {@code date ± integer} (see {@link DateArithmetic}). A function the validator
 * accepts but the executor has no kernel for fails when the plan is built, with SQLSTATE 0A000 naming it.
 *
 * <p>Function names match case-insensitively although table and column names match exactly: the parser
 * lower-cases unquoted names, and {@code sum} must still find {@code SUM}.
 */
public final class BasaltOperatorTable implements SqlOperatorTable {

    /**
     * {@code MEDIAN(x)}: DuckDB's and Oracle's name for {@code PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x)}, so a
     * DOUBLE of numbers (PostgreSQL has no MEDIAN).
     */
    public static final SqlAggFunction MEDIAN = SqlBasicAggFunction.create("MEDIAN", SqlKind.OTHER_FUNCTION,
            ReturnTypes.DOUBLE.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.NUMERIC);

    public static final SqlOperatorTable INSTANCE = new BasaltOperatorTable(SqlOperatorTables.chain(
            // First, so that PostgreSQL's octet_length(text) and friends win over Calcite's versions.
            SqlOperatorTables.of(PostgresFunctions.ALL),
            SqlStdOperatorTable.instance(),
            SqlOperatorTables.of(
                    SqlLibraryOperators.LPAD,
                    SqlLibraryOperators.RPAD,
                    SqlLibraryOperators.SPLIT_PART,
                    SqlLibraryOperators.STARTS_WITH,
                    SqlLibraryOperators.LEFT,
                    SqlLibraryOperators.RIGHT,
                    SqlLibraryOperators.REPEAT,
                    SqlLibraryOperators.REVERSE,
                    SqlLibraryOperators.CHR,
                    SqlLibraryOperators.MD5,
                    SqlLibraryOperators.CONCAT_FUNCTION_WITH_NULL,
                    SqlLibraryOperators.CONCAT_WS_POSTGRESQL,
                    SqlLibraryOperators.REGEXP_REPLACE_PG_3,
                    SqlLibraryOperators.REGEXP_REPLACE_PG_4,
                    SqlLibraryOperators.GREATEST_PG,
                    SqlLibraryOperators.LEAST_PG,
                    SqlLibraryOperators.LOG_POSTGRES,
                    SqlLibraryOperators.SUBSTR_POSTGRESQL,
                    SqlLibraryOperators.LENGTH,
                    SqlLibraryOperators.STRPOS,
                    SqlLibraryOperators.DATE,
                    SqlLibraryOperators.INFIX_CAST,
                    SqlLibraryOperators.BOOL_AND,
                    SqlLibraryOperators.BOOL_OR,
                    SqlLibraryOperators.STRING_AGG,
                    MEDIAN)));

    private static final SqlNameMatcher ANY_CASE = SqlNameMatchers.withCaseSensitive(false);

    private final SqlOperatorTable operators;

    private BasaltOperatorTable(SqlOperatorTable operators) {
        this.operators = operators;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier name, @Nullable SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> found, SqlNameMatcher nameMatcher) {
        operators.lookupOperatorOverloads(name, category, syntax, found, ANY_CASE);
        found.replaceAll(BasaltOperatorTable::postgresVersion);
    }

    /**
     * PostgreSQL's version of an operator a lookup found ({@code operator} itself for most). The validator looks
     * binary operators up again when it types them: plus and minus do date arithmetic here.
     */
    static SqlOperator postgresVersion(SqlOperator operator) {
        if (operator == SqlStdOperatorTable.MINUS) {
            return DateArithmetic.MINUS;
        }
        if (operator == SqlStdOperatorTable.PLUS) {
            return DateArithmetic.PLUS;
        }
        if (operator == SqlStdOperatorTable.EXTRACT) {
            return PostgresExtract.INSTANCE;
        }
        return OrderedSetAggregates.REPLACED.getOrDefault(operator, operator);
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        return operators.getOperatorList();
    }
}
