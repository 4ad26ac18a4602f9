package io.basalt.parser;

import io.basalt.parser.ast.AlterRoleStatement;
import io.basalt.parser.ast.CreateRoleStatement;
import io.basalt.parser.ast.DropRoleStatement;
import io.basalt.parser.ast.Privilege;
import io.basalt.parser.ast.PrivilegeStatement;
import io.basalt.parser.ast.PrivilegeTarget;
import io.basalt.parser.ast.RoleMembershipStatement;
import io.basalt.parser.ast.RoleOptions;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.grammar.BasaltParser.AllTablesTargetContext;
import io.basalt.parser.grammar.BasaltParser.AlterRoleContext;
import io.basalt.parser.grammar.BasaltParser.CreateRoleContext;
import io.basalt.parser.grammar.BasaltParser.DropRoleContext;
import io.basalt.parser.grammar.BasaltParser.GranteeContext;
import io.basalt.parser.grammar.BasaltParser.IdentifierContext;
import io.basalt.parser.grammar.BasaltParser.LoginOptionContext;
import io.basalt.parser.grammar.BasaltParser.NoLoginOptionContext;
import io.basalt.parser.grammar.BasaltParser.NoSuperuserOptionContext;
import io.basalt.parser.grammar.BasaltParser.PasswordOptionContext;
import io.basalt.parser.grammar.BasaltParser.PrivilegeContext;
import io.basalt.parser.grammar.BasaltParser.PrivilegeTargetContext;
import io.basalt.parser.grammar.BasaltParser.PrivilegesContext;
import io.basalt.parser.grammar.BasaltParser.RoleOptionContext;
import io.basalt.parser.grammar.BasaltParser.SchemaTargetContext;
import io.basalt.parser.grammar.BasaltParser.SuperuserOptionContext;
import io.basalt.parser.grammar.BasaltParser.TablesTargetContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/** Builds user, role and privilege statements (CREATE/ALTER/DROP USER|ROLE, GRANT, REVOKE) from their parse trees. */
final class RoleStatementBuilder {

    private final SourceText source;
    private final Names names;
    private final Literals literals;

    RoleStatementBuilder(SourceText source, Names names, Literals literals) {
        this.source = source;
        this.names = names;
        this.literals = literals;
    }

    Statement createRole(CreateRoleContext context) {
        return new CreateRoleStatement(names.identifier(context.identifier()), context.USER() != null,
                options(context.roleOption()), source.span(context));
    }

    Statement alterRole(AlterRoleContext context) {
        return new AlterRoleStatement(names.identifier(context.identifier()), options(context.roleOption()),
                source.span(context));
    }

    Statement dropRole(DropRoleContext context) {
        return new DropRoleStatement(identifiers(context.identifier()), context.ifExists() != null, source.span(context));
    }

    Statement privileges(boolean grant, PrivilegesContext privileges, PrivilegeTargetContext target,
                         List<GranteeContext> grantees, ParserRuleContext statement) {
        List<Privilege> named = new ArrayList<>();
        for (PrivilegeContext privilege : privileges.privilege()) {
            Privilege value = Privilege.valueOf(privilege.getStart().getText().toUpperCase(Locale.ROOT));
            if (!named.contains(value)) {
                named.add(value);
            }
        }
        List<String> granteeNames = new ArrayList<>();
        for (GranteeContext grantee : grantees) {
            granteeNames.add(grantee.PUBLIC() != null ? PrivilegeStatement.PUBLIC : names.identifier(grantee.identifier()));
        }
        return new PrivilegeStatement(grant, privileges.ALL() != null, named, target(target), granteeNames,
                source.span(statement));
    }

    Statement membership(boolean grant, List<IdentifierContext> roles, List<IdentifierContext> members,
                         ParserRuleContext statement) {
        return new RoleMembershipStatement(grant, identifiers(roles), identifiers(members), source.span(statement));
    }

    private PrivilegeTarget target(PrivilegeTargetContext context) {
        if (context instanceof AllTablesTargetContext all) {
            return PrivilegeTarget.allTablesIn(identifiers(all.identifier()));
        }
        if (context instanceof SchemaTargetContext schemas) {
            return PrivilegeTarget.schemas(identifiers(schemas.identifier()));
        }
        return PrivilegeTarget.tables(((TablesTargetContext) context).qualifiedName().stream()
                .map(names::qualifiedName).toList());
    }

    /** Each option at most once, as PostgreSQL insists ("conflicting or redundant options"). */
    private RoleOptions options(List<RoleOptionContext> options) {
        Optional<String> password = Optional.empty();
        Optional<Boolean> login = Optional.empty();
        Optional<Boolean> superuser = Optional.empty();
        for (RoleOptionContext option : options) {
            if (option instanceof PasswordOptionContext passwordOption) {
                checkUnset(password, option);
                password = Optional.of(literals.string(passwordOption.string()));
            } else if (option instanceof LoginOptionContext || option instanceof NoLoginOptionContext) {
                checkUnset(login, option);
                login = Optional.of(option instanceof LoginOptionContext);
            } else if (option instanceof SuperuserOptionContext || option instanceof NoSuperuserOptionContext) {
                checkUnset(superuser, option);
                superuser = Optional.of(option instanceof SuperuserOptionContext);
            }
        }
        return new RoleOptions(password, login, superuser);
    }

    private void checkUnset(Optional<?> value, RoleOptionContext option) {
        if (value.isPresent()) {
            throw source.error(option.getStart(), ParseException.SYNTAX_ERROR, "conflicting or redundant options");
        }
    }

    private List<String> identifiers(List<IdentifierContext> contexts) {
        return contexts.stream().map(names::identifier).toList();
    }
}
