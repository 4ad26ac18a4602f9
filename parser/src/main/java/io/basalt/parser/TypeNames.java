package io.basalt.parser;

import io.basalt.parser.ast.TypeName;
import io.basalt.parser.grammar.BasaltParser.BigintTypeContext;
import io.basalt.parser.grammar.BasaltParser.BooleanTypeContext;
import io.basalt.parser.grammar.BasaltParser.CharTypeContext;
import io.basalt.parser.grammar.BasaltParser.DataTypeContext;
import io.basalt.parser.grammar.BasaltParser.DateTypeContext;
import io.basalt.parser.grammar.BasaltParser.DecimalTypeContext;
import io.basalt.parser.grammar.BasaltParser.DoubleTypeContext;
import io.basalt.parser.grammar.BasaltParser.FloatTypeContext;
import io.basalt.parser.grammar.BasaltParser.IntegerTypeContext;
import io.basalt.parser.grammar.BasaltParser.PrecisionAndScaleContext;
import io.basalt.parser.grammar.BasaltParser.RealTypeContext;
import io.basalt.parser.grammar.BasaltParser.SingleTypeParameterContext;
import io.basalt.parser.grammar.BasaltParser.SmallintTypeContext;
import io.basalt.parser.grammar.BasaltParser.TextTypeContext;
import io.basalt.parser.grammar.BasaltParser.TimeTypeContext;
import io.basalt.parser.grammar.BasaltParser.TimestampTypeContext;
import io.basalt.parser.grammar.BasaltParser.TinyintTypeContext;
import io.basalt.parser.grammar.BasaltParser.UnknownTypeContext;
import io.basalt.parser.grammar.BasaltParser.VarcharTypeContext;
import io.basalt.parser.grammar.BasaltParser.ZonedTypeContext;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Maps the type synonyms users write to canonical {@link TypeName}s. Only the shape of parameters is
 * checked here (lengths positive, scale within precision); limits such as DECIMAL's 38 digits belong to
 * storage, which the parser does not know.
 */
final class TypeNames {

    /** invalid_parameter_value, PostgreSQL's code for bad type modifiers. */
    private static final String INVALID_PARAMETER_VALUE = "22023";
    /** undefined_object */
    private static final String UNDEFINED_OBJECT = "42704";
    /** feature_not_supported */
    private static final String FEATURE_NOT_SUPPORTED = "0A000";
    /** FLOAT(p) counts binary digits: up to 24 fit a REAL, up to 53 a DOUBLE. */
    private static final int REAL_MAX_FLOAT_PRECISION = 24;
    private static final int DOUBLE_MAX_FLOAT_PRECISION = 53;

    private final SourceText source;

    TypeNames(SourceText source) {
        this.source = source;
    }

    TypeName typeName(DataTypeContext context) {
        if (context instanceof BooleanTypeContext) {
            return TypeName.of("BOOLEAN");
        } else if (context instanceof TinyintTypeContext) {
            return TypeName.of("TINYINT");
        } else if (context instanceof SmallintTypeContext) {
            return TypeName.of("SMALLINT");
        } else if (context instanceof IntegerTypeContext) {
            return TypeName.of("INTEGER");
        } else if (context instanceof BigintTypeContext) {
            return TypeName.of("BIGINT");
        } else if (context instanceof DecimalTypeContext decimal) {
            return decimal(decimal.precisionAndScale());
        } else if (context instanceof RealTypeContext) {
            return TypeName.of("REAL");
        } else if (context instanceof DoubleTypeContext) {
            return TypeName.of("DOUBLE");
        } else if (context instanceof FloatTypeContext floatType) {
            return floatType(floatType.singleTypeParameter());
        } else if (context instanceof VarcharTypeContext varchar) {
            SingleTypeParameterContext length = varchar.singleTypeParameter();
            return length == null ? TypeName.of("VARCHAR") : TypeName.of("VARCHAR", length(length, "varchar"));
        } else if (context instanceof CharTypeContext charType) {
            SingleTypeParameterContext length = charType.singleTypeParameter();
            return TypeName.of("CHAR", length == null ? 1 : length(length, "char")); // SQL: CHAR is CHAR(1)
        } else if (context instanceof TextTypeContext) {
            return TypeName.of("VARCHAR");
        } else if (context instanceof DateTypeContext) {
            return TypeName.of("DATE");
        } else if (context instanceof TimeTypeContext) {
            return TypeName.of("TIME");
        } else if (context instanceof TimestampTypeContext) {
            return TypeName.of("TIMESTAMP");
        } else if (context instanceof ZonedTypeContext) {
            throw source.error(context.getStart(), FEATURE_NOT_SUPPORTED,
                    "not supported yet: " + context.getStart().getText().toUpperCase(Locale.ROOT) + " WITH TIME ZONE");
        } else if (context instanceof UnknownTypeContext unknown) {
            Token name = unknown.IDENTIFIER().getSymbol();
            throw source.error(name, UNDEFINED_OBJECT, "type \"" + name.getText().toLowerCase(Locale.ROOT) + "\" does not exist");
        }
        throw new IllegalStateException("unknown data type " + context.getText());
    }

    /**
     * The integer type of a {@code SERIAL} pseudo-type ({@code smallserial}/{@code serial2}, {@code serial}/{@code serial4},
     * {@code bigserial}/{@code serial8}), if {@code context} names one: not a type but a column with an identity.
     */
    Optional<TypeName> serialType(DataTypeContext context) {
        if (!(context instanceof UnknownTypeContext unknown)) {
            return Optional.empty();
        }
        return switch (unknown.IDENTIFIER().getText().toLowerCase(Locale.ROOT)) {
            case "smallserial", "serial2" -> Optional.of(TypeName.of("SMALLINT"));
            case "serial", "serial4" -> Optional.of(TypeName.of("INTEGER"));
            case "bigserial", "serial8" -> Optional.of(TypeName.of("BIGINT"));
            default -> Optional.empty();
        };
    }

    private TypeName decimal(PrecisionAndScaleContext parameters) {
        if (parameters == null) {
            return TypeName.of("DECIMAL");
        }
        TerminalNode precisionNode = parameters.INTEGER_LITERAL(0);
        int precision = integer(precisionNode);
        if (precision < 1) {
            throw source.error(precisionNode.getSymbol(), INVALID_PARAMETER_VALUE,
                    "DECIMAL precision " + precision + " must be at least 1");
        }
        if (parameters.INTEGER_LITERAL().size() == 1) {
            return TypeName.of("DECIMAL", precision, 0);
        }
        TerminalNode scaleNode = parameters.INTEGER_LITERAL(1);
        int scale = integer(scaleNode);
        if (scale > precision) {
            throw source.error(scaleNode.getSymbol(), INVALID_PARAMETER_VALUE,
                    "DECIMAL scale " + scale + " must be between 0 and precision " + precision);
        }
        return TypeName.of("DECIMAL", precision, scale);
    }

    private TypeName floatType(SingleTypeParameterContext parameter) {
        if (parameter == null) {
            return TypeName.of("DOUBLE");
        }
        int precision = integer(parameter.INTEGER_LITERAL());
        if (precision < 1 || precision > DOUBLE_MAX_FLOAT_PRECISION) {
            throw source.error(parameter.INTEGER_LITERAL().getSymbol(), INVALID_PARAMETER_VALUE,
                    "precision for type float must be between 1 and " + DOUBLE_MAX_FLOAT_PRECISION + " bits");
        }
        return TypeName.of(precision <= REAL_MAX_FLOAT_PRECISION ? "REAL" : "DOUBLE");
    }

    private int length(SingleTypeParameterContext parameter, String typeName) {
        int length = integer(parameter.INTEGER_LITERAL());
        if (length < 1) {
            throw source.error(parameter.INTEGER_LITERAL().getSymbol(), INVALID_PARAMETER_VALUE,
                    "length for type " + typeName + " must be at least 1");
        }
        return length;
    }

    private int integer(TerminalNode literal) {
        try {
            return Integer.parseInt(literal.getText());
        } catch (NumberFormatException tooLarge) {
            throw source.error(literal.getSymbol(), INVALID_PARAMETER_VALUE,
                    "type modifier " + literal.getText() + " is out of range");
        }
    }
}
