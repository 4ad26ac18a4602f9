package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled LIKE pattern matching UTF-8 bytes. {@code %} matches any run of characters and {@code _}
 * exactly one character (one code point, one to four bytes); an escape character makes the next pattern
 * character literal. Without an escape argument there is no escape character (standard SQL, as Calcite).
 *
 * <p>The pattern is split at {@code %} into segments of literal bytes and {@code _}s. The shapes filters use
 * most get their own test: exact text, {@code abc%}, {@code %abc}, {@code %abc%}, and {@code %}. Otherwise
 * the first segment is anchored at the start, the last at the end, and each middle one placed at its
 * leftmost match, which is optimal because segments match a fixed number of characters.
 */
final class LikePattern {

    private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, ANYTHING, GENERAL }

    /** A segment: literal byte runs and single-character wildcards, in order. */
    private record Segment(List<byte[]> literals, boolean[] isWildcard, int characters, ByteSearch leadingSearch) {

        boolean isLiteral() {
            return isWildcard.length == 1 && !isWildcard[0];
        }

        byte[] onlyLiteral() {
            return literals.get(0);
        }

        /** The segment's bytes when it has no {@code _}, else null. */
        byte[] literalOrNull() {
            return isLiteral() ? literals.get(0) : null;
        }
    }

    private final Shape shape;
    private final Segment[] segments;
    private final boolean startsWithPercent;
    private final boolean endsWithPercent;
    private final byte[] literal;
    private final ByteSearch literalSearch;

    private LikePattern(Shape shape, Segment[] segments, boolean startsWithPercent, boolean endsWithPercent) {
        this.shape = shape;
        this.segments = segments;
        this.startsWithPercent = startsWithPercent;
        this.endsWithPercent = endsWithPercent;
        this.literal = shape == Shape.ANYTHING || shape == Shape.GENERAL ? null
                : segments.length == 0 ? new byte[0] : segments[0].onlyLiteral();
        this.literalSearch = literal == null ? null : new ByteSearch(literal);
    }

    /** @param escape the escape character, or -1 for none */
    static LikePattern compile(String pattern, int escape) {
        // The pieces between unescaped %s; empty ones at either end mean the pattern starts or ends with %.
        List<Segment> pieces = new ArrayList<>();
        List<byte[]> literals = new ArrayList<>();
        List<Boolean> wildcards = new ArrayList<>();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int characters = 0;
        int index = 0;
        while (index < pattern.length()) {
            int codePoint = pattern.codePointAt(index);
            index += Character.charCount(codePoint);
            if (codePoint == escape) {
                if (index >= pattern.length()) {
                    throw new ExecutionException(ExpressionErrors.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                codePoint = pattern.codePointAt(index);
                index += Character.charCount(codePoint);
                run.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                characters++;
            } else if (codePoint == '%') {
                flushLiteral(run, literals, wildcards);
                pieces.add(segment(literals, wildcards, characters));
                literals = new ArrayList<>();
                wildcards = new ArrayList<>();
                characters = 0;
            } else if (codePoint == '_') {
                flushLiteral(run, literals, wildcards);
                wildcards.add(true);
                characters++;
            } else {
                run.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                characters++;
            }
        }
        flushLiteral(run, literals, wildcards);
        pieces.add(segment(literals, wildcards, characters));
        boolean anyPercent = pieces.size() > 1;
        boolean startsWithPercent = anyPercent && pieces.get(0).characters() == 0;
        boolean endsWithPercent = anyPercent && pieces.get(pieces.size() - 1).characters() == 0;
        // Empty pieces (between consecutive %s, or at the ends) constrain nothing.
        pieces.removeIf(segment -> segment.characters() == 0);
        return new LikePattern(shapeOf(pieces, startsWithPercent, endsWithPercent, anyPercent),
                pieces.toArray(new Segment[0]), startsWithPercent, endsWithPercent);
    }

    private static Shape shapeOf(List<Segment> segments, boolean startsWithPercent, boolean endsWithPercent, boolean anyPercent) {
        if (segments.isEmpty()) {
            return anyPercent ? Shape.ANYTHING : Shape.EXACT;
        }
        if (segments.size() > 1 || !segments.get(0).isLiteral()) {
            return Shape.GENERAL;
        }
        if (startsWithPercent && endsWithPercent) {
            return Shape.CONTAINS;
        }
        return startsWithPercent ? Shape.SUFFIX : endsWithPercent ? Shape.PREFIX : Shape.EXACT;
    }

    private static void flushLiteral(ByteArrayOutputStream run, List<byte[]> literals, List<Boolean> wildcards) {
        if (run.size() > 0) {
            literals.add(run.toByteArray());
            wildcards.add(false);
            run.reset();
        }
    }

    private static Segment segment(List<byte[]> literals, List<Boolean> wildcards, int characters) {
        boolean[] flags = new boolean[wildcards.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = wildcards.get(i);
        }
        ByteSearch leading = flags.length > 0 && !flags[0] ? new ByteSearch(literals.get(0)) : null;
        return new Segment(List.copyOf(literals), flags, characters, leading);
    }

    /**
     * Matches every value of a text vector, with the shape chosen once for the whole batch: each shape is
     * its own loop.
     */
    void matchAll(byte[] data, int[] offsets, boolean[] out, int rows) {
        int length = literal == null ? 0 : literal.length;
        switch (shape) {
            case ANYTHING -> Arrays.fill(out, 0, rows, true);
            case EXACT -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = offsets[i + 1] - offsets[i] == length && regionEquals(data, offsets[i], literal);
                }
            }
            case PREFIX -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = offsets[i + 1] - offsets[i] >= length && regionEquals(data, offsets[i], literal);
                }
            }
            case SUFFIX -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = offsets[i + 1] - offsets[i] >= length && regionEquals(data, offsets[i + 1] - length, literal);
                }
            }
            case CONTAINS -> matchAcrossValues(data, offsets, out, rows);
            default -> {
                if (startsWithPercent && segments[0].isLiteral()) {
                    matchAcrossValues(data, offsets, out, rows);
                    return;
                }
                for (int i = 0; i < rows; i++) {
                    out[i] = matchesGeneral(data, offsets[i], offsets[i + 1]);
                }
            }
        }
    }

    /**
     * A pattern that starts with {@code %} and then literal bytes, matched over a whole vector with one
     * search through its byte arena rather than one per value: the values lie back to back in position
     * order, so the search runs through values without the literal at full speed and stops only at
     * occurrences. An occurrence that crosses into the next value is skipped. Within a value the first
     * occurrence is its leftmost, which is where {@link #matchesGeneral} would place the first segment, so
     * the rest of the pattern is tested from there and the search moves on to the next value either way.
     */
    private void matchAcrossValues(byte[] data, int[] offsets, boolean[] out, int rows) {
        Arrays.fill(out, 0, rows, false);
        ByteSearch leading = segments[0].leadingSearch();
        int length = leading.length();
        int row = 0;
        int position = offsets[0];
        int end = offsets[rows];
        while (position < end) {
            int found = leading.indexOf(data, position, end);
            if (found < 0) {
                return;
            }
            while (offsets[row + 1] <= found) {
                row++;
            }
            int valueEnd = offsets[row + 1];
            if (found + length > valueEnd) {
                position = found + 1;
                continue;
            }
            out[row] = shape == Shape.CONTAINS || matchesGeneral(data, found, valueEnd);
            position = valueEnd;
            row++;
        }
    }

    boolean matches(byte[] data, int start, int end) {
        switch (shape) {
            case ANYTHING:
                return true;
            case EXACT:
                return end - start == literal.length && regionEquals(data, start, literal);
            case PREFIX:
                return end - start >= literal.length && regionEquals(data, start, literal);
            case SUFFIX:
                return end - start >= literal.length && regionEquals(data, end - literal.length, literal);
            case CONTAINS:
                return literalSearch.indexOf(data, start, end) >= 0;
            default:
                return matchesGeneral(data, start, end);
        }
    }

    private boolean matchesGeneral(byte[] data, int start, int end) {
        int first = 0;
        int last = segments.length - 1;
        int position = start;
        if (!startsWithPercent) {
            position = matchAt(segments[0], data, start, end);
            if (position < 0) {
                return false;
            }
            if (segments.length == 1 && !endsWithPercent) {
                return position == end;
            }
            first = 1;
        }
        int limit = end;
        if (!endsWithPercent && last >= first) {
            // The last segment covers exactly its characters at the end of the value.
            int lastStart = end;
            for (int c = 0; c < segments[last].characters() && lastStart > position; c++) {
                do {
                    lastStart--;
                } while (lastStart > position && Utf8.isContinuation(data[lastStart]));
            }
            if (matchAt(segments[last], data, lastStart, end) != end) {
                return false;
            }
            limit = lastStart;
            last--;
        }
        for (int s = first; s <= last; s++) {
            position = findLeftmost(segments[s], data, position, limit);
            if (position < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of the segment's leftmost match starting in [from, limit), or -1. A segment that starts with
     * literal bytes jumps between occurrences of them; a literal starts with a UTF-8 lead byte, so every
     * occurrence is at a character boundary.
     */
    private static int findLeftmost(Segment segment, byte[] data, int from, int limit) {
        ByteSearch leading = segment.leadingSearch();
        if (segment.isLiteral()) {
            int found = leading.indexOf(data, from, limit);
            return found < 0 ? -1 : found + leading.length();
        }
        int candidate = from;
        while (candidate < limit) {
            if (leading != null) {
                candidate = leading.indexOf(data, candidate, limit);
                if (candidate < 0) {
                    return -1;
                }
            }
            int matched = matchAt(segment, data, candidate, limit);
            if (matched >= 0) {
                return matched;
            }
            candidate += Utf8.sequenceLength(data[candidate]);
        }
        return -1;
    }

    /** The end of the segment matched at {@code position} within {@code limit}, or -1. */
    private static int matchAt(Segment segment, byte[] data, int position, int limit) {
        int literalIndex = 0;
        for (boolean wildcard : segment.isWildcard()) {
            if (wildcard) {
                if (position >= limit) {
                    return -1;
                }
                position += Utf8.sequenceLength(data[position]);
            } else {
                byte[] bytes = segment.literals().get(literalIndex++);
                if (limit - position < bytes.length || !regionEquals(data, position, bytes)) {
                    return -1;
                }
                position += bytes.length;
            }
        }
        return position <= limit ? position : -1;
    }

    /** First index of {@code needle} in data[start, end), or -1. */
    static int indexOf(byte[] data, int start, int end, byte[] needle) {
        return indexOf(data, start, end, needle, 0, needle.length);
    }

    /** First index of needle[needleStart, needleStart + length) in data[start, end), or -1. */
    static int indexOf(byte[] data, int start, int end, byte[] needle, int needleStart, int length) {
        if (length == 0) {
            return start;
        }
        byte first = needle[needleStart];
        for (int i = start, last = end - length; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            int matched = 1;
            while (matched < length && data[i + matched] == needle[needleStart + matched]) {
                matched++;
            }
            if (matched == length) {
                return i;
            }
        }
        return -1;
    }

    /**
     * data[position, position + literal.length) equals the literal; the caller checked the bounds. A plain
     * loop beats {@link Arrays#equals}'s setup for the short literals patterns have.
     */
    private static boolean regionEquals(byte[] data, int position, byte[] literal) {
        int length = literal.length;
        if (length > 32) {
            return Arrays.equals(data, position, position + length, literal, 0, length);
        }
        for (int i = 0; i < length; i++) {
            if (data[position + i] != literal[i]) {
                return false;
            }
        }
        return true;
    }
}
