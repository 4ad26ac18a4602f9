package io.basalt.optimizer.dml;

import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.dml.DmlSyntax.Action;
import io.basalt.optimizer.dml.DmlSyntax.Assignment;
import io.basalt.optimizer.dml.DmlSyntax.MergeClause;
import io.basalt.optimizer.dml.DmlSyntax.Target;
import io.basalt.optimizer.dml.DmlTokens.DmlToken;
import io.basalt.optimizer.dml.DmlTokens.Span;
import io.basalt.parser.TokenCategory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the skeleton of a DELETE, UPDATE or MERGE ({@link DmlSyntax}) in PostgreSQL's syntax:
 *
 * <pre>
 * DELETE FROM table [[AS] alias] [USING from_list] [WHERE condition]
 * UPDATE table [[AS] alias] SET column = value, … [FROM from_list] [WHERE condition]
 * MERGE INTO table [[AS] alias] USING source ON condition
 *     WHEN MATCHED [AND condition] THEN UPDATE SET column = value, … | DELETE | DO NOTHING
 *     WHEN NOT MATCHED [AND condition] THEN INSERT [(column, …)] VALUES (value, …) | DO NOTHING  …
 * </pre>
 *
 * Calcite's own grammar has DELETE and UPDATE without USING/FROM and a MERGE with one unconditional clause of each
 * kind, which is not what data engineers write, so the clauses are found here, at the top level of the token
 * stream, and everything inside them is left to Calcite.
 */
final class DmlSyntaxParser {

    /** Words that end a target's name and cannot be its alias. */
    private static final Set<String> CLAUSE_WORDS = Set.of("set", "using", "where", "from", "on", "when", "returning");

    private final DmlTokens tokens;
    private int next;

    private DmlSyntaxParser(DmlTokens tokens) {
        this.tokens = tokens;
    }

    static DmlSyntax parse(DmlTokens tokens) {
        return new DmlSyntaxParser(tokens).statement();
    }

    private DmlSyntax statement() {
        if (tokens.at(0, "delete")) {
            return delete();
        }
        if (tokens.at(0, "update")) {
            return update();
        }
        if (tokens.at(0, "merge")) {
            return merge();
        }
        throw tokens.syntaxError(0);
    }

    private DmlSyntax delete() {
        next = 1;
        expect("from");
        Target target = target();
        Optional<Span> using = Optional.empty();
        if (tokens.at(next, "using")) {
            int end = tokens.findTopLevel(next + 1, "where", "returning");
            using = Optional.of(tokens.span(next + 1, end));
            next = end;
        }
        Optional<Span> where = where();
        return new DmlSyntax(DmlKind.DELETE, target, using, where, List.of(), List.of());
    }

    private DmlSyntax update() {
        next = 1;
        Target target = target();
        expect("set");
        int end = tokens.findTopLevel(next, "from", "where", "returning");
        List<Assignment> assignments = assignments(next, end);
        next = end;
        Optional<Span> from = Optional.empty();
        if (tokens.at(next, "from")) {
            end = tokens.findTopLevel(next + 1, "where", "returning");
            from = Optional.of(tokens.span(next + 1, end));
            next = end;
        }
        Optional<Span> where = where();
        return new DmlSyntax(DmlKind.UPDATE, target, from, where, assignments, List.of());
    }

    private DmlSyntax merge() {
        next = 1;
        expect("into");
        Target target = target();
        expect("using");
        int on = tokens.findTopLevel(next, "on");
        Span source = tokens.span(next, on);
        next = on;
        expect("on");
        int clauseStart = nextClause(next);
        Span condition = tokens.span(next, clauseStart);
        next = clauseStart;
        List<MergeClause> clauses = new ArrayList<>();
        while (next < tokens.size()) {
            clauses.add(mergeClause());
        }
        if (clauses.isEmpty()) {
            throw tokens.syntaxError(next);
        }
        return new DmlSyntax(DmlKind.MERGE, target, Optional.of(source), Optional.of(condition), List.of(), clauses);
    }

    private MergeClause mergeClause() {
        int offset = tokens.get(next).start();
        expect("when");
        boolean matched = !tokens.at(next, "not");
        if (!matched) {
            next++;
        }
        expect("matched");
        if (!matched && tokens.at(next, "by") && tokens.at(next + 1, "target")) {
            next += 2;
        }
        Optional<Span> condition = Optional.empty();
        if (tokens.at(next, "and")) {
            int then = tokens.findTopLevel(next + 1, "then");
            condition = Optional.of(tokens.span(next + 1, then));
            next = then;
        }
        expect("then");
        int end = nextClause(next);
        if (tokens.at(next, "do") && tokens.at(next + 1, "nothing") && end == next + 2) {
            next = end;
            return new MergeClause(matched, condition, Action.NOTHING, List.of(), List.of(), List.of(), offset);
        }
        if (matched && tokens.at(next, "delete") && end == next + 1) {
            next = end;
            return new MergeClause(true, condition, Action.DELETE, List.of(), List.of(), List.of(), offset);
        }
        if (matched && tokens.at(next, "update")) {
            next++;
            expect("set");
            List<Assignment> assignments = assignments(next, end);
            next = end;
            return new MergeClause(true, condition, Action.UPDATE, assignments, List.of(), List.of(), offset);
        }
        if (!matched && tokens.at(next, "insert")) {
            next++;
            List<String> columns = new ArrayList<>();
            if (current().text().equals("(")) {
                next++;
                while (true) {
                    columns.add(name(current()));
                    next++;
                    if (current().text().equals(")")) {
                        next++;
                        break;
                    }
                    expectText(",");
                }
            }
            expect("values");
            expectText("(");
            int close = closingParenthesis(next - 1);
            if (close + 1 != end) {
                throw tokens.syntaxError(close + 1);
            }
            List<Span> values = splitAtCommas(next, close);
            next = end;
            return new MergeClause(false, condition, Action.INSERT, List.of(), columns, values, offset);
        }
        throw tokens.syntaxError(next);
    }

    /** The start of the next {@code WHEN [NOT] MATCHED} at the top level after {@code from}, or the end. */
    private int nextClause(int from) {
        for (int i = from; i < tokens.size(); i++) {
            DmlToken token = tokens.get(i);
            if (token.depth() == 0 && token.is("when")
                    && (tokens.at(i + 1, "matched") || (tokens.at(i + 1, "not") && tokens.at(i + 2, "matched")))) {
                return i;
            }
        }
        return tokens.size();
    }

    private Target target() {
        int start = next;
        List<String> parts = new ArrayList<>();
        parts.add(name(current()));
        next++;
        while (next + 1 < tokens.size() && tokens.get(next).text().equals(".")) {
            parts.add(name(tokens.get(next + 1)));
            next += 2;
        }
        Span name = tokens.span(start, next);
        Optional<Span> alias = Optional.empty();
        if (tokens.at(next, "as")) {
            next++;
            name(current());
            alias = Optional.of(tokens.span(next, next + 1));
            next++;
        } else if (next < tokens.size() && tokens.get(next).isName() && !CLAUSE_WORDS.contains(tokens.get(next).word())) {
            alias = Optional.of(tokens.span(next, next + 1));
            next++;
        }
        return new Target(name, parts, alias, tokens.get(start).start());
    }

    private Optional<Span> where() {
        if (next < tokens.size() && tokens.get(next).is("returning")) {
            throw notSupported("RETURNING", next);
        }
        if (next >= tokens.size()) {
            return Optional.empty();
        }
        expect("where");
        int end = tokens.findTopLevel(next, "returning");
        if (end < tokens.size()) {
            throw notSupported("RETURNING", end);
        }
        if (tokens.at(next, "current") && tokens.at(next + 1, "of")) {
            throw notSupported("WHERE CURRENT OF", next);
        }
        return Optional.of(tokens.span(next, end));
    }

    /** {@code column = value, …} in tokens {@code [from, to)}. */
    private List<Assignment> assignments(int from, int to) {
        List<Assignment> assignments = new ArrayList<>();
        for (Span piece : splitAtCommas(from, to)) {
            int first = indexAt(piece.start());
            DmlToken column = tokens.get(first);
            if (column.text().equals("(")) {
                throw notSupported("assigning several columns at once", first);
            }
            String name = name(column);
            if (first + 1 >= to || !tokens.get(first + 1).text().equals("=")) {
                throw tokens.syntaxError(first + 1);
            }
            Span value = tokens.span(first + 2, indexAt(piece.end() - 1) + 1);
            assignments.add(new Assignment(name, column.start(), value));
        }
        return assignments;
    }

    /** The comma-separated parts of tokens {@code [from, to)} (commas inside parentheses belong to their part). */
    private List<Span> splitAtCommas(int from, int to) {
        List<Span> parts = new ArrayList<>();
        int start = from;
        int baseDepth = from < tokens.size() ? tokens.get(from).depth() : 0;
        for (int i = from; i <= to; i++) {
            if (i == to || (tokens.get(i).text().equals(",") && tokens.get(i).depth() == baseDepth)) {
                parts.add(tokens.span(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private int closingParenthesis(int open) {
        int depth = tokens.get(open).depth();
        for (int i = open + 1; i < tokens.size(); i++) {
            if (tokens.get(i).text().equals(")") && tokens.get(i).depth() == depth) {
                return i;
            }
        }
        throw tokens.syntaxError(tokens.size());
    }

    private int indexAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() <= offset && offset < tokens.get(i).end()) {
                return i;
            }
        }
        throw new IllegalStateException("no token at offset " + offset);
    }

    /** A name as it is meant: unquoted ones lower-cased, quoted ones as written. */
    private String name(DmlToken token) {
        if (token.category() == TokenCategory.QUOTED_IDENTIFIER) {
            return token.text().substring(1, token.text().length() - 1).replace("\"\"", "\"");
        }
        if (token.category() == TokenCategory.IDENTIFIER || token.category() == TokenCategory.KEYWORD) {
            return token.text().toLowerCase(Locale.ROOT);
        }
        throw tokens.syntaxError(indexAt(token.start()));
    }

    /** The token at {@code next}; the end of the statement is a syntax error. */
    private DmlToken current() {
        if (next >= tokens.size()) {
            throw tokens.syntaxError(next);
        }
        return tokens.get(next);
    }

    private void expect(String word) {
        if (!tokens.at(next, word)) {
            throw tokens.syntaxError(next);
        }
        next++;
    }

    private void expectText(String text) {
        if (next >= tokens.size() || !tokens.get(next).text().equals(text)) {
            throw tokens.syntaxError(next);
        }
        next++;
    }

    private PlanningException notSupported(String what, int index) {
        int[] position = tokens.position(tokens.get(index).start());
        return new PlanningException(PlanningException.FEATURE_NOT_SUPPORTED, "not supported yet: " + what,
                position[0], position[1], null);
    }
}
