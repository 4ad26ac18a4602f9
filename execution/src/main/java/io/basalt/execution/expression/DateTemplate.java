package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL date/time template ({@code 'YYYY-MM-DD HH24:MI:SS'}) split into patterns and literal text once,
 * for {@code to_char} and {@code to_date}. Patterns match case-insensitively (longest first, as PostgreSQL's
 * table); the case of name patterns ({@code Month}, {@code MONTH}, {@code month}) decides the output's case. The
 * {@code FM} prefix turns off padding for the next pattern ({@code TM} and {@code FX} are accepted and change nothing); double-quoted text and backslash-escaped characters
 * are literal. Patterns Basalt does not implement (time zones, Roman numerals, …) are 0A000, not silently copied.
 */
final class DateTemplate {

    /** The implemented patterns, in the order they are tried. */
    enum Pattern {
        HH24("HH24"), HH12("HH12"), HH("HH"), MI("MI"), SSSSS("SSSSS"), SSSS("SSSS"), SS("SS"), MS("MS"), US("US"),
        AM_DOTTED("A.M."), PM_DOTTED("P.M."), AM("AM"), PM("PM"),
        BC_DOTTED("B.C."), AD_DOTTED("A.D."), BC("BC"), AD("AD"),
        YYYY_COMMA("Y,YYY"), IYYY("IYYY"), YYYY("YYYY"), YYY("YYY"), YY("YY"), IW("IW"), ID("ID"), Y("Y"),
        MONTH("MONTH"), MON("MON"), MM("MM"), DAY("DAY"), DDD("DDD"), DD("DD"), DY("DY"), D("D"),
        WW("WW"), W("W"), Q("Q"), CC("CC"), J("J");

        final String text;

        Pattern(String text) {
            this.text = text;
        }
    }

    /** How a name pattern was written: all upper, capitalized or all lower case. */
    enum Casing {
        UPPER, CAPITALIZED, LOWER
    }

    /** One piece of the template: a pattern (with its fill mode, casing and ordinal suffix) or literal text. */
    record Element(Pattern pattern, boolean fillMode, Casing casing, String ordinalSuffix, String literal) {
    }

    /** PostgreSQL patterns Basalt does not implement; reported rather than printed as text. */
    private static final String[] UNSUPPORTED = {"TZH", "TZM", "TZ", "OF", "RM", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6",
        "IDDD", "IYY", "IY", "I"};

    private DateTemplate() {
    }

    static List<Element> parse(String template) {
        List<Element> elements = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        String upper = template.toUpperCase(Locale.ROOT);
        boolean fillMode = false;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '"') {
                int close = template.indexOf('"', i + 1);
                literal.append(template, i + 1, close < 0 ? template.length() : close);
                i = close < 0 ? template.length() : close + 1;
                continue;
            }
            if (c == '\\' && i + 1 < template.length()) {
                literal.append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            if (upper.startsWith("FM", i)) {
                fillMode = true;
                i += 2;
                continue;
            }
            if (upper.startsWith("TM", i) || upper.startsWith("FX", i)) {
                // Translation mode (names are English here anyway) and to_date's exact-format mode change nothing.
                i += 2;
                continue;
            }
            Pattern pattern = patternAt(upper, i);
            if (pattern == null) {
                for (String unsupported : UNSUPPORTED) {
                    if (upper.startsWith(unsupported, i)) {
                        throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                                "not supported yet: the template pattern \"" + template.substring(i, i + unsupported.length()) + "\"");
                    }
                }
                literal.append(c);
                i++;
                continue;
            }
            if (!literal.isEmpty()) {
                elements.add(new Element(null, false, null, null, literal.toString()));
                literal.setLength(0);
            }
            String written = template.substring(i, i + pattern.text.length());
            i += pattern.text.length();
            String suffix = null;
            if (upper.startsWith("TH", i)) {
                suffix = template.substring(i, i + 2);
                i += 2;
            }
            elements.add(new Element(pattern, fillMode, casing(written), suffix, null));
            fillMode = false;
        }
        if (!literal.isEmpty()) {
            elements.add(new Element(null, false, null, null, literal.toString()));
        }
        return elements;
    }

    private static Pattern patternAt(String upper, int position) {
        for (Pattern pattern : Pattern.values()) {
            if (upper.startsWith(pattern.text, position)) {
                return pattern;
            }
        }
        return null;
    }

    private static Casing casing(String written) {
        // The first two letters decide, as PostgreSQL: "Month" capitalized, "MOnth" upper, "month" lower.
        char first = written.charAt(0);
        char second = written.length() > 1 ? written.charAt(1) : first;
        if (Character.isLowerCase(first)) {
            return Casing.LOWER;
        }
        return Character.isUpperCase(second) || !Character.isLetter(second) ? Casing.UPPER : Casing.CAPITALIZED;
    }

    static String applyCasing(String name, Casing casing) {
        return switch (casing) {
            case UPPER -> name.toUpperCase(Locale.ROOT);
            case LOWER -> name.toLowerCase(Locale.ROOT);
            case CAPITALIZED -> name;
        };
    }
}
