package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * {@code to_char(number, template)} with PostgreSQL's digit patterns: {@code 9} (a digit, blank when a leading
 * zero), {@code 0} (a digit always, and every digit after it), {@code .} or {@code D} (the decimal point),
 * {@code ,} or {@code G} (a group separator, blank before the first digit) and the {@code FM} prefix (no padding,
 * no trailing zeros from {@code 9}s). Without {@code FM} one leading position holds the sign. A value with more
 * integer digits than the template has is printed as {@code #}s. Other PostgreSQL number patterns (S, MI, PL, SG,
 * EEEE, V, RN, TH, L, B, PR) are 0A000; other characters are copied.
 *
 * <p>Values round half away from zero, doubles half to even on their exact binary value (as the C library's
 * printf that PostgreSQL uses).
 */
final class NumberFormatting {

    private static final String[] UNSUPPORTED = {"EEEE", "MI", "PL", "SG", "RN", "TH", "PR", "S", "V", "L", "B"};

    /** A parsed template. */
    record Template(String integerPart, String fractionPart, boolean hasPoint, boolean fillMode, String suffix) {
        int integerDigits() {
            return (int) integerPart.chars().filter(c -> c == '9' || c == '0').count();
        }
    }

    private NumberFormatting() {
    }

    static CompiledExpression compile(List<Operand> arguments) {
        LogicalType type = arguments.get(0).type();
        int scale = NumericTypes.isDecimal(type) ? type.scale() : 0;
        KernelCache<Template> templates = new KernelCache<>(NumberFormatting::parse);
        return RowKernels.text(arguments, (vectors, row, result) ->
                result.append(format(value(vectors[0], row, scale), templates.get(RowKernels.string(vectors[1], row)),
                        vectors[0] instanceof DoubleVector)));
    }

    private static BigDecimal value(ColumnVector vector, int row, int scale) {
        if (vector instanceof DoubleVector doubles) {
            double x = doubles.values()[row];
            if (!Double.isFinite(x)) {
                throw ExpressionErrors.notSupported("to_char of " + x);
            }
            return new BigDecimal(x);
        }
        if (vector instanceof Int128Vector wide) {
            return new BigDecimal(wide.getBigInteger(row), scale);
        }
        return BigDecimal.valueOf(((LongVector) vector).values()[row], scale);
    }

    static Template parse(String template) {
        StringBuilder integerPart = new StringBuilder();
        StringBuilder fractionPart = new StringBuilder();
        StringBuilder suffix = new StringBuilder();
        boolean point = false;
        boolean fillMode = false;
        String upper = template.toUpperCase(Locale.ROOT);
        for (int i = 0; i < template.length(); i++) {
            char c = upper.charAt(i);
            if (upper.startsWith("FM", i)) {
                fillMode = true;
                i++;
                continue;
            }
            for (String unsupported : UNSUPPORTED) {
                if (upper.startsWith(unsupported, i)) {
                    throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                            "not supported yet: the number template pattern \"" + unsupported + "\"");
                }
            }
            boolean patternCharacter = c == '9' || c == '0' || c == ',' || c == 'G' || ((c == '.' || c == 'D') && !point);
            if (patternCharacter && !suffix.isEmpty()) {
                throw ExpressionErrors.notSupported("text between the digits of a number template: \"" + template + "\"");
            }
            if (patternCharacter && (c == '.' || c == 'D')) {
                point = true;
            } else if (patternCharacter) {
                (point ? fractionPart : integerPart).append(c == 'G' ? ',' : c);
            } else if (!integerPart.isEmpty() || point) {
                suffix.append(template.charAt(i));
            } else {
                // PostgreSQL keeps text before the digits in place around the sign; not modelled here.
                throw ExpressionErrors.notSupported("text before the digits of a number template: \"" + template + "\"");
            }
        }
        return new Template(integerPart.toString(), fractionPart.toString().replace(",", ""), point, fillMode, suffix.toString());
    }

    static String format(BigDecimal value, Template template, boolean binary) {
        int fractionDigits = template.fractionPart().length();
        BigDecimal rounded = value.setScale(fractionDigits, binary ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP);
        boolean negative = rounded.signum() < 0;
        String plain = rounded.abs().toPlainString();
        int pointAt = plain.indexOf('.');
        String integerDigits = pointAt < 0 ? plain : plain.substring(0, pointAt);
        String fraction = pointAt < 0 ? "" : plain.substring(pointAt + 1);
        if (integerDigits.equals("0") && (fractionDigits > 0 || template.hasPoint())) {
            integerDigits = ""; // PostgreSQL prints ".50", not "0.50", unless a 0 placeholder asks for it
        }
        StringBuilder out = new StringBuilder();
        int positions = template.integerDigits();
        boolean overflow = integerDigits.length() > positions;
        StringBuilder blanks = new StringBuilder();
        StringBuilder body = new StringBuilder();
        int first = positions - integerDigits.length();
        boolean printing = false;
        int position = 0;
        for (char c : template.integerPart().toCharArray()) {
            if (c == ',') {
                if (printing || overflow) {
                    body.append(',');
                } else if (!template.fillMode()) {
                    blanks.append(' ');
                }
                continue;
            }
            printing |= position >= first || c == '0';
            if (overflow) {
                body.append('#');
            } else if (printing) {
                body.append(position >= first ? integerDigits.charAt(position - first) : '0');
            } else if (!template.fillMode()) {
                blanks.append(' ');
            }
            position++;
        }
        out.append(blanks);
        out.append(negative ? "-" : template.fillMode() ? "" : " ");
        out.append(body);
        if (template.hasPoint()) {
            out.append('.');
        }
        StringBuilder fractionText = new StringBuilder();
        for (int k = 0; k < fractionDigits; k++) {
            fractionText.append(overflow ? '#' : fraction.charAt(k));
        }
        if (template.fillMode() && !overflow) {
            // FM drops trailing zeros that stand in 9 positions; 0 positions keep theirs.
            int keep = fractionText.length();
            while (keep > 0 && fractionText.charAt(keep - 1) == '0' && template.fractionPart().charAt(keep - 1) == '9') {
                keep--;
            }
            fractionText.setLength(keep);
        }
        out.append(fractionText).append(template.suffix());
        return out.toString();
    }
}
