package io.basalt.optimizer.sql;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.util.SourceStringReader;

import java.io.Reader;

/**
 * Calcite's Babel parser, one per thread, reinitialised for each query rather than built anew. Building one is a
 * fixed cost of every statement: its lookahead tables, a 4,096-character input buffer with two position arrays, and
 * an Error for its lookahead that captures the stack it is built on (measured in docs/benchmarks.md, eighth session).
 *
 * <p>A parser is reused only after a parse that succeeded ({@link #parsed()}): its per-parse counters (the
 * {@code ?} parameters numbered so far, row-constructor nesting) are then back at their start, and {@link
 * ReusableParser#reset} puts back what JavaCC's {@code ReInit} does not. After a failed parse the next one builds a
 * new parser. SqlParser sets casing, conformance and the original text on every parser it is given.
 */
final class ReusedBabelParsers implements SqlParserImplFactory {

    static final ReusedBabelParsers FACTORY = new ReusedBabelParsers();

    private static final ThreadLocal<ReusableParser> PARSERS = new ThreadLocal<>();

    private ReusedBabelParsers() {
    }

    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
        ReusableParser parser = PARSERS.get();
        if (parser == null || !parser.reusable) {
            parser = new ReusableParser(reader);
            PARSERS.set(parser);
        } else {
            parser.reset(reader);
        }
        parser.reusable = false;
        if (reader instanceof SourceStringReader source) {
            parser.setOriginalSql(source.getSourceString());
        }
        return parser;
    }

    /** The parse this thread last started succeeded: its parser may serve the next one. */
    static void parsed() {
        ReusableParser parser = PARSERS.get();
        if (parser != null) {
            parser.reusable = true;
        }
    }

    private static final class ReusableParser extends SqlBabelParserImpl {

        private boolean reusable;

        ReusableParser(Reader reader) {
            super(reader);
        }

        void reset(Reader reader) {
            ReInit(reader);
            nDynamicParams = 0;
            warnings.clear();
            lookingAhead = false;
        }
    }
}
