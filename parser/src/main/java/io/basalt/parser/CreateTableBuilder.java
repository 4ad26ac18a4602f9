package io.basalt.parser;

import io.basalt.parser.ast.ColumnDefinition;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.ForeignKeyConstraint;
import io.basalt.parser.ast.IdentityClause;
import io.basalt.parser.ast.TypeName;
import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.ast.PrimaryKeyConstraint;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.parser.ast.TableConstraint;
import io.basalt.parser.ast.UniqueConstraint;
import io.basalt.parser.grammar.BasaltParser.ColumnCheckContext;
import io.basalt.parser.grammar.BasaltParser.ColumnConstraintContext;
import io.basalt.parser.grammar.BasaltParser.ColumnDefinitionContext;
import io.basalt.parser.grammar.BasaltParser.ColumnPrimaryKeyContext;
import io.basalt.parser.grammar.BasaltParser.ColumnReferencesContext;
import io.basalt.parser.grammar.BasaltParser.ColumnUniqueContext;
import io.basalt.parser.grammar.BasaltParser.CreateTableContext;
import io.basalt.parser.grammar.BasaltParser.DefaultConstraintContext;
import io.basalt.parser.grammar.BasaltParser.IdentifierContext;
import io.basalt.parser.grammar.BasaltParser.IdentityConstraintContext;
import io.basalt.parser.grammar.BasaltParser.NotNullConstraintContext;
import io.basalt.parser.grammar.BasaltParser.NullConstraintContext;
import io.basalt.parser.grammar.BasaltParser.ReferentialActionContext;
import io.basalt.parser.grammar.BasaltParser.TableCheckContext;
import io.basalt.parser.grammar.BasaltParser.TableConstraintContext;
import io.basalt.parser.grammar.BasaltParser.TableElementContext;
import io.basalt.parser.grammar.BasaltParser.TableForeignKeyContext;
import io.basalt.parser.grammar.BasaltParser.TableOptionContext;
import io.basalt.parser.grammar.BasaltParser.TableOptionsContext;
import io.basalt.parser.grammar.BasaltParser.TablePrimaryKeyContext;
import io.basalt.parser.grammar.BasaltParser.TableUniqueContext;
import org.antlr.v4.runtime.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link CreateTableStatement}, rejecting what PostgreSQL rejects while parsing: a column declared
 * twice, NULL together with NOT NULL, two DEFAULTs, two primary keys, and keys naming unknown columns.
 */
final class CreateTableBuilder {

    /** duplicate_column */
    private static final String DUPLICATE_COLUMN = "42701";
    /** undefined_column */
    private static final String UNDEFINED_COLUMN = "42703";
    /** invalid_table_definition */
    private static final String INVALID_TABLE_DEFINITION = "42P16";
    /** invalid_foreign_key */
    private static final String INVALID_FOREIGN_KEY = "42830";
    /** invalid_parameter_value */
    private static final String INVALID_PARAMETER_VALUE = "22023";
    /** feature_not_supported */
    private static final String FEATURE_NOT_SUPPORTED = "0A000";

    private final SourceText source;
    private final Names names;
    private final TypeNames types;
    private final Literals literals;
    private final IdentityClauses identities;

    CreateTableBuilder(SourceText source, Names names, Literals literals) {
        this.source = source;
        this.names = names;
        this.types = new TypeNames(source);
        this.literals = literals;
        this.identities = new IdentityClauses(source);
    }

    CreateTableStatement build(CreateTableContext context) {
        QualifiedName table = names.qualifiedName(context.qualifiedName());
        List<ColumnDefinition> columns = new ArrayList<>();
        List<TableConstraint> constraints = new ArrayList<>();
        Set<String> columnNames = new HashSet<>();
        for (TableElementContext element : context.tableElement()) {
            if (element.columnDefinition() != null) {
                ColumnDefinitionContext definition = element.columnDefinition();
                ColumnDefinition column = column(definition, table, constraints);
                if (!columnNames.add(column.name())) {
                    throw source.error(definition.getStart(), DUPLICATE_COLUMN,
                            "column \"" + column.name() + "\" specified more than once");
                }
                columns.add(column);
            } else {
                constraints.add(tableConstraint(element.tableConstraint()));
            }
        }
        checkConstraints(context, table, constraints, columnNames);
        return new CreateTableStatement(table, context.ifNotExists() != null, columns, constraints,
                options(context.tableOptions()), source.span(context));
    }

    ColumnDefinition column(ColumnDefinitionContext context, QualifiedName table, List<TableConstraint> constraints) {
        String name = names.identifier(context.identifier());
        Boolean declaredNotNull = null;
        Optional<SqlFragment> defaultExpression = Optional.empty();
        Optional<TypeName> serial = types.serialType(context.dataType());
        Optional<IdentityClause> identity = serial.map(type -> IdentityClause.serial());
        for (ColumnConstraintContext constraint : context.columnConstraint()) {
            Optional<String> constraintName = constraintName(constraint.identifier());
            var body = constraint.columnConstraintBody();
            if (body instanceof NotNullConstraintContext || body instanceof NullConstraintContext) {
                boolean notNull = body instanceof NotNullConstraintContext;
                if (declaredNotNull != null && declaredNotNull != notNull) {
                    throw source.error(body.getStart(), ParseException.SYNTAX_ERROR,
                            "conflicting NULL/NOT NULL declarations for column \"" + name + "\" of table \"" + table.name() + "\"");
                }
                declaredNotNull = notNull;
            } else if (body instanceof DefaultConstraintContext defaultConstraint) {
                if (defaultExpression.isPresent()) {
                    throw source.error(body.getStart(), ParseException.SYNTAX_ERROR,
                            "multiple default values specified for column \"" + name + "\" of table \"" + table.name() + "\"");
                }
                defaultExpression = Optional.of(source.fragment(defaultConstraint.defaultExpression()));
            } else if (body instanceof IdentityConstraintContext identityConstraint) {
                if (identity.isPresent()) {
                    throw source.error(body.getStart(), ParseException.SYNTAX_ERROR,
                            "multiple identity specifications for column \"" + name + "\" of table \"" + table.name() + "\"");
                }
                identity = Optional.of(identities.identity(identityConstraint));
            } else if (body instanceof ColumnPrimaryKeyContext) {
                constraints.add(new PrimaryKeyConstraint(constraintName, List.of(name), source.span(constraint)));
            } else if (body instanceof ColumnUniqueContext) {
                constraints.add(new UniqueConstraint(constraintName, List.of(name), source.span(constraint)));
            } else if (body instanceof ColumnReferencesContext references) {
                refuseReferentialActions(references.referentialAction());
                List<String> referenced = references.identifier() == null
                        ? List.of() : List.of(names.identifier(references.identifier()));
                constraints.add(new ForeignKeyConstraint(constraintName, List.of(name),
                        names.qualifiedName(references.qualifiedName()), referenced, source.span(constraint)));
            } else if (body instanceof ColumnCheckContext) {
                throw notSupported(body.getStart(), "CHECK constraints");
            } else {
                throw new IllegalStateException("unknown column constraint " + body.getText());
            }
        }
        if (identity.isPresent() && defaultExpression.isPresent()) {
            throw source.error(context.getStart(), ParseException.SYNTAX_ERROR, serial.isPresent()
                    ? "multiple default values specified for column \"" + name + "\" of table \"" + table.name() + "\""
                    : "both default and identity specified for column \"" + name + "\" of table \"" + table.name() + "\"");
        }
        if (identity.isPresent() && Boolean.FALSE.equals(declaredNotNull)) {
            throw source.error(context.getStart(), ParseException.SYNTAX_ERROR,
                    "conflicting NULL/NOT NULL declarations for column \"" + name + "\" of table \"" + table.name() + "\"");
        }
        TypeName type = serial.isPresent() ? serial.get() : types.typeName(context.dataType());
        // An identity column is NOT NULL (PostgreSQL adds the constraint for SERIAL and for IDENTITY alike).
        boolean notNull = Boolean.TRUE.equals(declaredNotNull) || identity.isPresent();
        return new ColumnDefinition(name, type, notNull, defaultExpression, identity, source.span(context));
    }

    TableConstraint tableConstraint(TableConstraintContext context) {
        Optional<String> name = constraintName(context.identifier());
        var body = context.tableConstraintBody();
        if (body instanceof TablePrimaryKeyContext primaryKey) {
            return new PrimaryKeyConstraint(name, names.columnList(primaryKey.columnList()), source.span(context));
        } else if (body instanceof TableUniqueContext unique) {
            return new UniqueConstraint(name, names.columnList(unique.columnList()), source.span(context));
        } else if (body instanceof TableCheckContext) {
            throw notSupported(body.getStart(), "CHECK constraints");
        } else if (body instanceof TableForeignKeyContext foreignKey) {
            refuseReferentialActions(foreignKey.referentialAction());
            List<String> columns = names.columnList(foreignKey.columnList(0));
            List<String> referenced = names.columnList(foreignKey.columnList(1));
            if (!referenced.isEmpty() && referenced.size() != columns.size()) {
                throw source.error(foreignKey.columnList(1).getStart(), INVALID_FOREIGN_KEY,
                        "number of referencing and referenced columns for foreign key disagree");
            }
            return new ForeignKeyConstraint(name, columns, names.qualifiedName(foreignKey.qualifiedName()), referenced,
                    source.span(context));
        }
        throw new IllegalStateException("unknown table constraint " + body.getText());
    }

    private void refuseReferentialActions(List<ReferentialActionContext> actions) {
        if (!actions.isEmpty()) {
            throw notSupported(actions.get(0).getStart(), "ON DELETE and ON UPDATE actions of foreign keys");
        }
    }

    private ParseException notSupported(Token at, String feature) {
        return source.error(at, FEATURE_NOT_SUPPORTED, "not supported yet: " + feature);
    }

    private Optional<String> constraintName(IdentifierContext context) {
        return context == null ? Optional.empty() : Optional.of(names.identifier(context));
    }

    /** One primary key at most, and every key column must be a column of this table. */
    private void checkConstraints(CreateTableContext context, QualifiedName table, List<TableConstraint> constraints,
                                  Set<String> columnNames) {
        boolean primaryKeySeen = false;
        for (TableConstraint constraint : constraints) {
            if (constraint instanceof PrimaryKeyConstraint) {
                if (primaryKeySeen) {
                    throw error(constraint, INVALID_TABLE_DEFINITION,
                            "multiple primary keys for table \"" + table.name() + "\" are not allowed");
                }
                primaryKeySeen = true;
            }
            for (String column : constraint.columns()) {
                if (!columnNames.contains(column)) {
                    throw error(constraint, UNDEFINED_COLUMN, "column \"" + column + "\" named in key does not exist");
                }
            }
        }
    }

    private ParseException error(TableConstraint constraint, String sqlState, String message) {
        return new ParseException(sqlState, message, source.position(constraint.span().startOffset()));
    }

    private Map<String, OptionValue> options(TableOptionsContext context) {
        Map<String, OptionValue> options = new LinkedHashMap<>();
        if (context == null) {
            return options;
        }
        for (TableOptionContext option : context.tableOption()) {
            String name = names.anyWord(option.anyWord());
            if (options.put(name, literals.optionValue(option.optionValue())) != null) {
                throw source.error(option.getStart(), INVALID_PARAMETER_VALUE, "parameter \"" + name + "\" specified more than once");
            }
        }
        return options;
    }
}
