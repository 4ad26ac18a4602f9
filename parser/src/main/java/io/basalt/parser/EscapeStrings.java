package io.basalt.parser;

/**
 * Decodes the body of PostgreSQL's {@code E'…'} strings: {@code \b \f \n \r \t}, octal {@code \o[o[o]]},
 * hexadecimal {@code \xh[h]}, Unicode (backslash, {@code u} and 4 hex digits, or {@code U} and 8); a
 * backslash before any other character stands for that character, and {@code ''} for one quote.
 */
final class EscapeStrings {

    private EscapeStrings() {
    }

    /** @throws IllegalArgumentException for a malformed Unicode escape */
    static String decode(String body) {
        StringBuilder decoded = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\'') {
                decoded.append('\''); // the lexer only lets quotes through in pairs
                i += 2;
            } else if (c != '\\' || i + 1 == body.length()) {
                decoded.append(c);
                i++;
            } else {
                i = decodeEscape(body, i + 1, decoded);
            }
        }
        return decoded.toString();
    }

    /** Decodes the escape whose letter is at {@code start}; returns the offset after it. */
    private static int decodeEscape(String body, int start, StringBuilder decoded) {
        char letter = body.charAt(start);
        switch (letter) {
            case 'b' -> decoded.append('\b');
            case 'f' -> decoded.append('\f');
            case 'n' -> decoded.append('\n');
            case 'r' -> decoded.append('\r');
            case 't' -> decoded.append('\t');
            case 'x' -> {
                int end = digitsEnd(body, start + 1, 2, 16);
                if (end == start + 1) {
                    decoded.append('x'); // "\x" without digits is just x
                    return start + 1;
                }
                decoded.append((char) Integer.parseInt(body.substring(start + 1, end), 16));
                return end;
            }
            case 'u', 'U' -> {
                int digits = letter == 'u' ? 4 : 8;
                int end = digitsEnd(body, start + 1, digits, 16);
                if (end != start + 1 + digits) {
                    throw new IllegalArgumentException("invalid Unicode escape: \\" + letter + " needs " + digits + " hexadecimal digits");
                }
                int codePoint = (int) Long.parseLong(body.substring(start + 1, end), 16);
                if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
                    throw new IllegalArgumentException("invalid Unicode escape value: \\" + body.substring(start, end));
                }
                decoded.appendCodePoint(codePoint);
                return end;
            }
            default -> {
                if (letter >= '0' && letter <= '7') {
                    int end = digitsEnd(body, start, 3, 8);
                    decoded.append((char) Integer.parseInt(body.substring(start, end), 8));
                    return end;
                }
                decoded.append(letter);
            }
        }
        return start + 1;
    }

    private static int digitsEnd(String body, int start, int maxDigits, int radix) {
        int end = start;
        while (end < body.length() && end - start < maxDigits && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        return end;
    }
}
