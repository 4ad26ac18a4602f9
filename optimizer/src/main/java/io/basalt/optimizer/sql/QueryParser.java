package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.sql.parser.babel.ParseException;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.babel.Token;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses query text with Calcite's parser, configured as Basalt's statement parser reads SQL: unquoted
 * identifiers are lower-cased, quoted ones kept as written and names then match exactly; the lenient conformance
 * accepts {@code LIMIT}, {@code !=}, {@code GROUP BY} ordinals and aliases. One trailing semicolon is allowed.
 * Words Calcite reserves but PostgreSQL does not ({@code value}) may be used as names ({@link NonReservedWords}),
 * {@code ::} binds as tightly as in PostgreSQL ({@link InfixCasts}), and PostgreSQL's type names and string
 * constants mean what they mean there ({@link PostgresSpellings}).
 *
 * <p>The grammar is Calcite's Babel grammar: it has PostgreSQL's {@code x::type} cast and reserves far fewer words
 * than Calcite's core grammar (a column may be called {@code one}, {@code rank} or {@code position}). Babel's
 * grammar is its core grammar with more productions and fewer reserved words, so a text the core grammar parses
 * means the same in both (every query of the test suite parsed to equal trees but for the case below); its parser
 * is about twice as fast as Babel's (its lookahead has far fewer alternatives), and
 * parsing was the largest single share of a short statement's planning. So the core grammar parses first, and a
 * text it rejects is parsed again by Babel, which then accepts it or reports the error (Basalt's syntax errors
 * are always Babel's: the same messages and positions as with Babel alone). One difference in trees: Babel parses
 * {@code date_part(…)} as its DATE_PART operator, the core grammar as a call of a function of that name; both
 * resolve to the same function in validation (the DATE_PART sqllogictests pass either way).
 *
 * <p>Each parse builds a new parser. The eighth session kept one parser per thread, reinitialised for each query
 * (~75 kB less allocation per statement), but a reinitialised parser parses about half as fast as a new one, for
 * both grammars (ninth session, docs/benchmarks.md): allocation was saved at the price of CPU.
 */
final class QueryParser {

    static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.LENIENT;

    static final SqlParser.Config CONFIG = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_LOWER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withConformance(CONFORMANCE)
            .withParserFactory(SqlBabelParserImpl.FACTORY);

    /** {@link #CONFIG} with Calcite's core grammar: tried first, see the class comment. */
    private static final SqlParser.Config CORE_CONFIG = CONFIG.withParserFactory(SqlParserImpl.FACTORY);

    /** A window frame in GROUPS units, which Calcite's grammar does not have (it knows ROWS and RANGE). */
    private static final Pattern GROUPS_FRAME = Pattern.compile(
            "\\bgroups\\s+(between|unbounded|current|[0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*)\" at line \\d+, column \\d+\\.");
    /** The Babel grammar's message for a reserved word where a name was expected ({@code SELECT 1 AS over}). */
    private static final Pattern NEAR_KEYWORD = Pattern.compile("Incorrect syntax near the keyword '(.*)' at line \\d+, column \\d+\\.");

    private QueryParser() {
    }

    /** A parsed query and the positions of the text it was parsed from. */
    record ParsedQuery(SqlNode query, TextRewrites text) {

        /** The column in the user's text of a position Calcite reports. */
        int originalColumn(int line, int column) {
            return text.originalColumn(line, column);
        }
    }

    /** What Calcite parses: the user's text with casts grouped ({@link InfixCasts}), then words quoted. */
    record TextRewrites(InfixCasts casts, NonReservedWords words) {

        static TextRewrites of(String queryText) {
            // Interval constants keep their length, so positions need no mapping for them.
            InfixCasts casts = InfixCasts.group(IntervalConstants.mark(queryText));
            return new TextRewrites(casts, NonReservedWords.quote(casts.text()));
        }

        String text() {
            return words.text();
        }

        int originalColumn(int line, int column) {
            return casts.originalColumn(line, words.originalColumn(line, column));
        }
    }

    /** The one query of {@code text}; a syntax error is a PlanningException with SQLSTATE 42601 and its position. */
    static ParsedQuery parse(String queryText) {
        TextRewrites text = TextRewrites.of(queryText);
        SqlNodeList statements;
        try {
            statements = parseStatements(text.text());
        } catch (SqlParseException e) {
            int[] position = errorPosition(e);
            int line = position[0];
            int column = line == 0 ? 0 : text.originalColumn(line, position[1]);
            if (offendingToken(e).filter(token -> token.image.equalsIgnoreCase("groups")).isPresent()
                    && GROUPS_FRAME.matcher(queryText).find()) {
                // Calcite's grammar knows ROWS and RANGE frames only.
                throw new PlanningException(PlanningException.FEATURE_NOT_SUPPORTED,
                        "not supported yet: GROUPS window frames", line, column, e);
            }
            throw new PlanningException(PlanningException.SYNTAX_ERROR, syntaxMessage(e), line, column, e);
        }
        if (statements.size() != 1) {
            throw new PlanningException(PlanningException.SYNTAX_ERROR,
                    statements.isEmpty() ? "no query to plan" : "one query expected, found " + statements.size());
        }
        SqlNode query = statements.get(0);
        if (!query.getKind().belongsTo(SqlKind.QUERY)) {
            SqlParserPos position = query.getParserPosition();
            throw new PlanningException(PlanningException.FEATURE_NOT_SUPPORTED,
                    "not supported yet: " + query.getKind() + " statements in the query planner",
                    position.getLineNum(), text.originalColumn(position.getLineNum(), position.getColumnNum()), null);
        }
        return new ParsedQuery(PostgresSpellings.rewrite(OrderedSetAggregates.rewrite(query), text), text);
    }

    /** The statements of {@code text}: by the core grammar if it can, else by Babel's, whose error is the one thrown. */
    private static SqlNodeList parseStatements(String text) throws SqlParseException {
        // The core grammar has no "::" cast: such a text goes to Babel without a failed parse first.
        if (!text.contains("::")) {
            try {
                return SqlParser.create(text, CORE_CONFIG).parseStmtList();
            } catch (SqlParseException | RuntimeException e) {
                // A word the core grammar reserves, or Babel-only syntax: Babel decides.
            }
        }
        return SqlParser.create(text, CONFIG).parseStmtList();
    }

    /** Line and column of the token the message names ({@link #offendingToken}); {0, 0} if unknown. */
    private static int[] errorPosition(SqlParseException e) {
        Optional<Token> token = offendingToken(e);
        if (token.isPresent() && token.get().beginLine > 0) {
            return new int[] {token.get().beginLine, token.get().beginColumn};
        }
        SqlParserPos position = e.getPos();
        return position == null ? new int[] {0, 0} : new int[] {position.getLineNum(), position.getColumnNum()};
    }

    /**
     * The token the parser could not take, as PostgreSQL reports it: the last of the tokens the parser looked ahead
     * at. The exception's current token is the last one consumed, so for {@code a = = 1} the next one is the first
     * {@code =}, which the parser only gave back while looking ahead at the second.
     */
    private static Optional<Token> offendingToken(SqlParseException e) {
        if (!(e.getCause() instanceof ParseException parse) || parse.currentToken == null || parse.currentToken.next == null) {
            return Optional.empty();
        }
        int lookahead = 1;
        if (parse.expectedTokenSequences != null) {
            for (int[] sequence : parse.expectedTokenSequences) {
                lookahead = Math.max(lookahead, sequence.length);
            }
        }
        Token token = parse.currentToken.next;
        for (int i = 1; i < lookahead && token.next != null; i++) {
            token = token.next;
        }
        return Optional.of(token);
    }

    /** PostgreSQL's wording for Calcite's "Encountered …": the first line only, without the long token list. */
    private static String syntaxMessage(SqlParseException e) {
        Optional<Token> offending = offendingToken(e);
        if (offending.isPresent()) {
            String token = offending.get().image;
            return token == null || token.isEmpty() ? "syntax error at end of input" : "syntax error at or near \"" + token + "\"";
        }
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        String firstLine = message.lines().findFirst().orElse(message);
        Matcher encountered = ENCOUNTERED.matcher(firstLine);
        if (encountered.matches()) {
            String token = encountered.group(1);
            return token.equals("<EOF>") ? "syntax error at end of input" : "syntax error at or near \"" + token + "\"";
        }
        Matcher nearKeyword = NEAR_KEYWORD.matcher(firstLine);
        if (nearKeyword.matches()) {
            return "syntax error at or near \"" + nearKeyword.group(1) + "\"";
        }
        return firstLine;
    }
}
