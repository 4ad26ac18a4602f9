package io.basalt.parser;

import io.basalt.parser.ast.AnalyzeStatement;
import io.basalt.parser.ast.CopyFromStatement;
import io.basalt.parser.ast.CopyToStatement;
import io.basalt.parser.ast.CreateSchemaStatement;
import io.basalt.parser.ast.CreateTableAsStatement;
import io.basalt.parser.ast.CreateViewStatement;
import io.basalt.parser.ast.DescribeStatement;
import io.basalt.parser.ast.DmlKind;
import io.basalt.parser.ast.DmlStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.DropSchemaStatement;
import io.basalt.parser.ast.DropTableStatement;
import io.basalt.parser.ast.DropViewStatement;
import io.basalt.parser.ast.AlterTableStatement;
import io.basalt.parser.ast.ColumnDefinition;
import io.basalt.parser.ast.TableConstraint;
import io.basalt.parser.ast.TruncateStatement;
import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.parser.ast.ResetStatement;
import io.basalt.parser.ast.SetStatement;
import io.basalt.parser.ast.ShowSchemasStatement;
import io.basalt.parser.ast.ShowTablesStatement;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.ast.TransactionAction;
import io.basalt.parser.ast.TransactionStatement;
import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.parser.grammar.BasaltParser.AnalyzeContext;
import io.basalt.parser.grammar.BasaltParser.BeginContext;
import io.basalt.parser.grammar.BasaltParser.CommitContext;
import io.basalt.parser.grammar.BasaltParser.CopyFromContext;
import io.basalt.parser.grammar.BasaltParser.CopyQueryToContext;
import io.basalt.parser.grammar.BasaltParser.CopyTableToContext;
import io.basalt.parser.grammar.BasaltParser.CreateSchemaContext;
import io.basalt.parser.grammar.BasaltParser.CreateTableAsContext;
import io.basalt.parser.grammar.BasaltParser.CreateTableContext;
import io.basalt.parser.grammar.BasaltParser.CreateViewContext;
import io.basalt.parser.grammar.BasaltParser.CreateIndexContext;
import io.basalt.parser.grammar.BasaltParser.DropIndexContext;
import io.basalt.parser.grammar.BasaltParser.DescribeContext;
import io.basalt.parser.grammar.BasaltParser.DmlContext;
import io.basalt.parser.grammar.BasaltParser.DmlStatementContext;
import io.basalt.parser.grammar.BasaltParser.DropBehaviorContext;
import io.basalt.parser.grammar.BasaltParser.DropSchemaContext;
import io.basalt.parser.grammar.BasaltParser.DropTableContext;
import io.basalt.parser.grammar.BasaltParser.DropViewContext;
import io.basalt.parser.grammar.BasaltParser.AddColumnContext;
import io.basalt.parser.grammar.BasaltParser.AddConstraintContext;
import io.basalt.parser.grammar.BasaltParser.AlterTableActionContext;
import io.basalt.parser.grammar.BasaltParser.AlterTableContext;
import io.basalt.parser.grammar.BasaltParser.DropColumnContext;
import io.basalt.parser.grammar.BasaltParser.RenameColumnContext;
import io.basalt.parser.grammar.BasaltParser.RenameTableContext;
import io.basalt.parser.grammar.BasaltParser.TruncateContext;
import io.basalt.parser.grammar.BasaltParser.ExplainContext;
import io.basalt.parser.grammar.BasaltParser.ExplainableContext;
import io.basalt.parser.grammar.BasaltParser.InsertContext;
import io.basalt.parser.grammar.BasaltParser.ShowAllContext;
import io.basalt.parser.grammar.BasaltParser.ShowSettingContext;
import io.basalt.parser.ast.ShowSettingStatement;
import io.basalt.parser.grammar.BasaltParser.SetColumnDefaultContext;
import io.basalt.parser.grammar.BasaltParser.DropColumnDefaultContext;
import io.basalt.parser.grammar.BasaltParser.InsertStatementContext;
import io.basalt.parser.grammar.BasaltParser.QualifiedNameContext;
import io.basalt.parser.grammar.BasaltParser.QueryStatementContext;
import io.basalt.parser.grammar.BasaltParser.ResetContext;
import io.basalt.parser.grammar.BasaltParser.RollbackContext;
import io.basalt.parser.grammar.BasaltParser.SetContext;
import io.basalt.parser.grammar.BasaltParser.SettingNameContext;
import io.basalt.parser.grammar.BasaltParser.ShowColumnsContext;
import io.basalt.parser.grammar.BasaltParser.ShowSchemasContext;
import io.basalt.parser.grammar.BasaltParser.ShowTablesContext;
import io.basalt.parser.grammar.BasaltParser.AlterRoleContext;
import io.basalt.parser.grammar.BasaltParser.CreateRoleContext;
import io.basalt.parser.grammar.BasaltParser.DropRoleContext;
import io.basalt.parser.grammar.BasaltParser.GrantPrivilegesContext;
import io.basalt.parser.grammar.BasaltParser.GrantRoleContext;
import io.basalt.parser.grammar.BasaltParser.RevokePrivilegesContext;
import io.basalt.parser.grammar.BasaltParser.RevokeRoleContext;
import io.basalt.parser.grammar.BasaltParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds the AST of one statement from its parse tree: one visit method per statement alternative. */
final class StatementBuilder extends BasaltParserBaseVisitor<Statement> {

    private final SourceText source;
    private final Names names;
    private final Literals literals;
    private final CreateTableBuilder createTable;
    private final CopyOptions copyOptions;
    private final RoleStatementBuilder roles;
    private final IndexStatementBuilder indexes;
    private final ValuesItems valuesItems;

    StatementBuilder(SourceText source) {
        this.source = source;
        this.names = new Names(source);
        this.literals = new Literals(source, names);
        this.createTable = new CreateTableBuilder(source, names, literals);
        this.valuesItems = new ValuesItems(source);
        this.copyOptions = new CopyOptions(source, names, literals);
        this.roles = new RoleStatementBuilder(source, names, literals);
        this.indexes = new IndexStatementBuilder(source, names);
    }

    @Override
    public Statement visitQueryStatement(QueryStatementContext context) {
        return new QueryStatement(source.fragment(context.query()));
    }

    @Override
    public Statement visitCreateTable(CreateTableContext context) {
        return createTable.build(context);
    }

    @Override
    public Statement visitCreateTableAs(CreateTableAsContext context) {
        return new CreateTableAsStatement(names.qualifiedName(context.qualifiedName()), context.ifNotExists() != null,
                names.columnList(context.columnList()), source.fragment(context.query()), source.span(context));
    }

    @Override
    public Statement visitDropTable(DropTableContext context) {
        return new DropTableStatement(qualifiedNames(context.qualifiedName()), context.ifExists() != null,
                dropBehavior(context.dropBehavior()), source.span(context));
    }

    @Override
    public Statement visitCreateSchema(CreateSchemaContext context) {
        return new CreateSchemaStatement(names.identifier(context.identifier()), context.ifNotExists() != null,
                source.span(context));
    }

    @Override
    public Statement visitDropSchema(DropSchemaContext context) {
        return new DropSchemaStatement(names.identifier(context.identifier()), context.ifExists() != null,
                dropBehavior(context.dropBehavior()), source.span(context));
    }

    @Override
    public Statement visitCreateView(CreateViewContext context) {
        return new CreateViewStatement(names.qualifiedName(context.qualifiedName()), context.OR() != null,
                names.columnList(context.columnList()), source.fragment(context.query()), source.span(context));
    }

    @Override
    public Statement visitDropView(DropViewContext context) {
        return new DropViewStatement(qualifiedNames(context.qualifiedName()), context.ifExists() != null,
                dropBehavior(context.dropBehavior()), source.span(context));
    }

    @Override
    public Statement visitCreateIndex(CreateIndexContext context) {
        return indexes.createIndex(context);
    }

    @Override
    public Statement visitDropIndex(DropIndexContext context) {
        return indexes.dropIndex(context, dropBehavior(context.dropBehavior()));
    }

    @Override
    public Statement visitTruncate(TruncateContext context) {
        return new TruncateStatement(qualifiedNames(context.qualifiedName()), source.span(context));
    }

    @Override
    public Statement visitAlterTable(AlterTableContext context) {
        QualifiedName table = names.qualifiedName(context.qualifiedName());
        return new AlterTableStatement(table, context.ifExists() != null, alterAction(context.alterTableAction(), table),
                source.span(context));
    }

    private AlterTableStatement.Action alterAction(AlterTableActionContext context, QualifiedName table) {
        if (context instanceof AddColumnContext add) {
            List<TableConstraint> constraints = new ArrayList<>();
            ColumnDefinition column = createTable.column(add.columnDefinition(), table, constraints);
            return new AlterTableStatement.AddColumn(column, add.ifNotExists() != null, constraints);
        }
        if (context instanceof AddConstraintContext add) {
            return new AlterTableStatement.AddConstraint(createTable.tableConstraint(add.tableConstraint()));
        }
        if (context instanceof DropColumnContext drop) {
            return new AlterTableStatement.DropColumn(names.identifier(drop.identifier()), drop.ifExists() != null,
                    dropBehavior(drop.dropBehavior()));
        }
        if (context instanceof SetColumnDefaultContext set) {
            return new AlterTableStatement.SetColumnDefault(names.identifier(set.identifier()),
                    Optional.of(source.fragment(set.defaultExpression())));
        }
        if (context instanceof DropColumnDefaultContext drop) {
            return new AlterTableStatement.SetColumnDefault(names.identifier(drop.identifier()), Optional.empty());
        }
        if (context instanceof RenameColumnContext rename) {
            return new AlterTableStatement.RenameColumn(names.identifier(rename.identifier(0)),
                    names.identifier(rename.identifier(1)));
        }
        return new AlterTableStatement.RenameTable(names.identifier(((RenameTableContext) context).identifier()));
    }

    @Override
    public Statement visitInsertStatement(InsertStatementContext context) {
        return insert(context.insert());
    }

    @Override
    public Statement visitCopyFrom(CopyFromContext context) {
        return new CopyFromStatement(names.qualifiedName(context.qualifiedName()), names.columnList(context.columnList()),
                literals.string(context.string()), copyOptions.options(context.copyOptions()), source.span(context));
    }

    @Override
    public Statement visitCopyTableTo(CopyTableToContext context) {
        return new CopyToStatement(Optional.of(names.qualifiedName(context.qualifiedName())),
                names.columnList(context.columnList()), Optional.empty(), literals.string(context.string()),
                copyOptions.options(context.copyOptions()), source.span(context));
    }

    @Override
    public Statement visitCopyQueryTo(CopyQueryToContext context) {
        ParserRuleContext query = context.balancedTokens();
        // The grammar only balances the parentheses; what is inside must still look like a query.
        Token first = query.getStart();
        if (query.getChildCount() == 0) {
            throw source.syntaxError(context.RIGHT_PAREN().getSymbol());
        }
        int type = first.getType();
        if (type != BasaltLexer.SELECT && type != BasaltLexer.WITH && type != BasaltLexer.VALUES
                && type != BasaltLexer.LEFT_PAREN) {
            throw source.syntaxError(first);
        }
        return new CopyToStatement(Optional.empty(), List.of(), Optional.of(source.fragment(query)),
                literals.string(context.string()), copyOptions.options(context.copyOptions()), source.span(context));
    }

    @Override
    public Statement visitDmlStatement(DmlStatementContext context) {
        return dml(context.dml());
    }

    @Override
    public Statement visitExplain(ExplainContext context) {
        ExplainableContext explained = context.explainable();
        Statement statement;
        if (explained.query() != null) {
            statement = new QueryStatement(source.fragment(explained.query()));
        } else if (explained.insert() != null) {
            statement = insert(explained.insert());
        } else {
            statement = dml(explained.dml());
        }
        return new ExplainStatement(context.ANALYZE() != null, statement, source.span(context));
    }

    @Override
    public Statement visitShowTables(ShowTablesContext context) {
        Optional<String> schema = context.identifier() == null
                ? Optional.empty() : Optional.of(names.identifier(context.identifier()));
        return new ShowTablesStatement(schema, source.span(context));
    }

    @Override
    public Statement visitShowSchemas(ShowSchemasContext context) {
        return new ShowSchemasStatement(source.span(context));
    }

    @Override
    public Statement visitShowColumns(ShowColumnsContext context) {
        return new DescribeStatement(names.qualifiedName(context.qualifiedName()), source.span(context));
    }

    @Override
    public Statement visitDescribe(DescribeContext context) {
        return new DescribeStatement(names.qualifiedName(context.qualifiedName()), source.span(context));
    }

    @Override
    public Statement visitShowAll(ShowAllContext context) {
        return new ShowSettingStatement(Optional.empty(), source.span(context));
    }

    @Override
    public Statement visitShowSetting(ShowSettingContext context) {
        return new ShowSettingStatement(Optional.of(settingName(context.settingName())), source.span(context));
    }

    @Override
    public Statement visitSet(SetContext context) {
        OptionValue value = context.settingValue().DEFAULT() != null
                ? OptionValue.toDefault()
                : literals.optionValue(context.settingValue().optionValue());
        return new SetStatement(settingName(context.settingName()), value, source.span(context));
    }

    @Override
    public Statement visitReset(ResetContext context) {
        Optional<String> name = context.ALL() != null ? Optional.empty() : Optional.of(settingName(context.settingName()));
        return new ResetStatement(name, source.span(context));
    }

    /** A setting's name case-folded, its dotted parts joined with {@code .}. */
    private String settingName(SettingNameContext context) {
        return context.identifier().stream().map(names::identifier).collect(Collectors.joining("."));
    }

    @Override
    public Statement visitBegin(BeginContext context) {
        return new TransactionStatement(TransactionAction.BEGIN, source.span(context));
    }

    @Override
    public Statement visitCommit(CommitContext context) {
        return new TransactionStatement(TransactionAction.COMMIT, source.span(context));
    }

    @Override
    public Statement visitRollback(RollbackContext context) {
        return new TransactionStatement(TransactionAction.ROLLBACK, source.span(context));
    }

    @Override
    public Statement visitAnalyze(AnalyzeContext context) {
        Optional<QualifiedName> table = context.qualifiedName() == null
                ? Optional.empty() : Optional.of(names.qualifiedName(context.qualifiedName()));
        return new AnalyzeStatement(table, source.span(context));
    }

    @Override
    public Statement visitCreateRole(CreateRoleContext context) {
        return roles.createRole(context);
    }

    @Override
    public Statement visitAlterRole(AlterRoleContext context) {
        return roles.alterRole(context);
    }

    @Override
    public Statement visitDropRole(DropRoleContext context) {
        return roles.dropRole(context);
    }

    @Override
    public Statement visitGrantPrivileges(GrantPrivilegesContext context) {
        return roles.privileges(true, context.privileges(), context.privilegeTarget(), context.grantee(), context);
    }

    @Override
    public Statement visitRevokePrivileges(RevokePrivilegesContext context) {
        return roles.privileges(false, context.privileges(), context.privilegeTarget(), context.grantee(), context);
    }

    @Override
    public Statement visitGrantRole(GrantRoleContext context) {
        int to = context.TO().getSymbol().getTokenIndex();
        return roles.membership(true, before(context.identifier(), to), after(context.identifier(), to), context);
    }

    @Override
    public Statement visitRevokeRole(RevokeRoleContext context) {
        int from = context.FROM().getSymbol().getTokenIndex();
        return roles.membership(false, before(context.identifier(), from), after(context.identifier(), from), context);
    }

    private static <T extends ParserRuleContext> List<T> before(List<T> contexts, int tokenIndex) {
        return contexts.stream().filter(c -> c.getStart().getTokenIndex() < tokenIndex).toList();
    }

    private static <T extends ParserRuleContext> List<T> after(List<T> contexts, int tokenIndex) {
        return contexts.stream().filter(c -> c.getStart().getTokenIndex() > tokenIndex).toList();
    }

    private InsertStatement insert(InsertContext context) {
        InsertStatement.Overriding overriding = InsertStatement.Overriding.NONE;
        if (context.overriding() != null) {
            var words = context.overriding().identifier();
            String kind = names.identifier(words.get(0));
            if (!names.identifier(words.get(1)).equals("value") || !(kind.equals("system") || kind.equals("user"))) {
                throw source.syntaxError(words.get(0).getStart());
            }
            overriding = kind.equals("system") ? InsertStatement.Overriding.SYSTEM_VALUE : InsertStatement.Overriding.USER_VALUE;
        }
        boolean defaultValues = context.query() == null;
        ReturningClause clause = ReturningClause.split(defaultValues
                ? terminalsFrom(context, context.VALUES().getSymbol().getTokenIndex() + 1) : terminalsFrom(context.query(), 0));
        if (clause.present() && clause.returning().isEmpty()) {
            throw source.error(clause.keyword(), ParseException.SYNTAX_ERROR, "syntax error at end of input");
        }
        List<Token> sourceTokens = clause.source();
        if (!defaultValues && sourceTokens.isEmpty()) {
            throw source.syntaxError(clause.keyword());
        }
        SqlFragment text = defaultValues ? source.fragment(context.DEFAULT().getSymbol(), context.VALUES().getSymbol())
                : source.fragment(sourceTokens.get(0), sourceTokens.get(sourceTokens.size() - 1));
        var valuesRows = defaultValues ? List.<List<SqlFragment>>of() : valuesItems.rowsWithDefaults(sourceTokens);
        Optional<SqlFragment> returning = clause.present()
                ? Optional.of(source.fragment(clause.returning().get(0), clause.returning().get(clause.returning().size() - 1)))
                : Optional.empty();
        return new InsertStatement(names.qualifiedName(context.qualifiedName()), names.columnList(context.columnList()),
                overriding, defaultValues, text, valuesRows, returning, source.span(context));
    }

    /** The context's own tokens (not those of nested rules) from token index {@code from} on. */
    private static List<Token> terminalsFrom(ParserRuleContext context, int from) {
        List<Token> tokens = new ArrayList<>();
        for (ParseTree child : context.children) {
            if (child instanceof TerminalNode terminal && terminal.getSymbol().getTokenIndex() >= from
                    && terminal.getSymbol().getType() != Token.EOF) {
                tokens.add(terminal.getSymbol());
            }
        }
        return tokens;
    }

    private DmlStatement dml(DmlContext context) {
        DmlKind kind = switch (context.getStart().getType()) {
            case BasaltLexer.DELETE -> DmlKind.DELETE;
            case BasaltLexer.UPDATE -> DmlKind.UPDATE;
            case BasaltLexer.MERGE -> DmlKind.MERGE;
            default -> throw new IllegalStateException("not a DML statement: " + context.getStart().getText());
        };
        SqlFragment text = source.fragment(context);
        return new DmlStatement(kind, text);
    }

    private List<QualifiedName> qualifiedNames(List<QualifiedNameContext> contexts) {
        return contexts.stream().map(names::qualifiedName).toList();
    }

    private static DropBehavior dropBehavior(DropBehaviorContext context) {
        return context != null && context.CASCADE() != null ? DropBehavior.CASCADE : DropBehavior.RESTRICT;
    }
}
