package io.basalt.parser;

import io.basalt.parser.ast.IdentityClause;
import io.basalt.parser.grammar.BasaltParser.IdentityConstraintContext;
import io.basalt.parser.grammar.BasaltParser.IdentityIncrementContext;
import io.basalt.parser.grammar.BasaltParser.IdentityOptionContext;
import io.basalt.parser.grammar.BasaltParser.IdentityStartContext;
import io.basalt.parser.grammar.BasaltParser.SignedIntegerContext;

/** Reads {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(START WITH n INCREMENT BY m)]}. */
final class IdentityClauses {

    private static final String INVALID_PARAMETER_VALUE = "22023";

    private final SourceText source;

    IdentityClauses(SourceText source) {
        this.source = source;
    }

    IdentityClause identity(IdentityConstraintContext context) {
        Long start = null;
        long increment = 1;
        boolean incrementSeen = false;
        for (IdentityOptionContext option : context.identityOption()) {
            if (option instanceof IdentityStartContext startOption) {
                if (start != null) {
                    throw source.error(option.getStart(), ParseException.SYNTAX_ERROR, "conflicting or redundant options");
                }
                start = value(startOption.signedInteger());
            } else {
                if (incrementSeen) {
                    throw source.error(option.getStart(), ParseException.SYNTAX_ERROR, "conflicting or redundant options");
                }
                incrementSeen = true;
                increment = value(((IdentityIncrementContext) option).signedInteger());
                if (increment == 0) {
                    throw source.error(option.getStart(), INVALID_PARAMETER_VALUE, "INCREMENT must not be zero");
                }
            }
        }
        long first = start != null ? start : increment > 0 ? 1 : -1;
        return new IdentityClause(context.ALWAYS() != null, first, increment);
    }

    private long value(SignedIntegerContext context) {
        String digits = context.INTEGER_LITERAL().getText();
        try {
            long magnitude = Long.parseLong(context.MINUS() != null ? "-" + digits : digits);
            return magnitude;
        } catch (NumberFormatException e) {
            throw source.error(context.getStart(), INVALID_PARAMETER_VALUE, "value " + context.getText() + " is out of range for type bigint");
        }
    }
}
