package io.basalt.parser.ast;

/**
 * One parsed statement. The set is closed so that the server can dispatch exhaustively; a statement the
 * grammar does not know never becomes a {@code Statement} but a {@link io.basalt.parser.ParseException}.
 */
public sealed interface Statement
        permits AlterTableStatement, AnalyzeStatement, CopyFromStatement, CopyToStatement, CreateSchemaStatement,
                CreateTableAsStatement, CreateTableStatement, CreateViewStatement, DescribeStatement,
                DmlStatement, DropSchemaStatement, DropTableStatement, DropViewStatement, ExplainStatement,
                InsertStatement, QueryStatement, ResetStatement, SetStatement, ShowSchemasStatement, ShowSettingStatement, ShowTablesStatement,
                TransactionStatement, TruncateStatement, CreateRoleStatement, AlterRoleStatement, DropRoleStatement,
                RoleMembershipStatement, PrivilegeStatement, CreateIndexStatement, DropIndexStatement {

    /** Where the statement stands in the script, without its closing {@code ;}. */
    SourceSpan span();
}
