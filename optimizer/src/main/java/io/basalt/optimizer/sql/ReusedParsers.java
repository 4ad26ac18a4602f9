package io.basalt.optimizer.sql;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.SourceStringReader;

import java.io.Reader;
import java.util.function.Function;

/**
 * Calcite's parsers, one of each grammar per thread, reinitialised for each query rather than built anew. Building
 * one is a fixed cost of every statement: its lookahead tables, a 4,096-character input buffer with two position
 * arrays, and an Error for its lookahead that captures the stack it is built on (measured in docs/benchmarks.md,
 * eighth session). {@link #CORE} is Calcite's core grammar, {@link #BABEL} its Babel grammar ({@link QueryParser}
 * says which parses what).
 *
 * <p>A parser is reused only after a parse that succeeded ({@link #parsed()}): its per-parse counters (the
 * {@code ?} parameters numbered so far, row-constructor nesting) are then back at their start, and {@link
 * Reusable#reset} puts back what JavaCC's {@code ReInit} does not. After a failed parse the next one builds a
 * new parser. SqlParser sets casing, conformance and the original text on every parser it is given.
 */
final class ReusedParsers implements SqlParserImplFactory {

    static final ReusedParsers BABEL = new ReusedParsers(BabelParser::new);
    static final ReusedParsers CORE = new ReusedParsers(CoreParser::new);

    /** A generated parser that can be put back to its state before a parse. */
    private interface Reusable {
        /** JavaCC's {@code ReInit}, plus the parameter count, warnings and lookahead flag it leaves. */
        void reset(Reader reader);
    }

    /** This thread's parser of one grammar, and whether its last parse succeeded. */
    private static final class Slot {
        private SqlAbstractParserImpl parser;
        private boolean reusable;
    }

    private final Function<Reader, SqlAbstractParserImpl> create;
    private final ThreadLocal<Slot> slots = ThreadLocal.withInitial(Slot::new);

    private ReusedParsers(Function<Reader, SqlAbstractParserImpl> create) {
        this.create = create;
    }

    @Override
    public SqlAbstractParserImpl getParser(Reader reader) {
        Slot slot = slots.get();
        if (slot.parser == null || !slot.reusable) {
            slot.parser = create.apply(reader);
        } else {
            ((Reusable) slot.parser).reset(reader);
        }
        slot.reusable = false;
        if (reader instanceof SourceStringReader source) {
            slot.parser.setOriginalSql(source.getSourceString());
        }
        return slot.parser;
    }

    /** The parse this thread last started with this grammar succeeded: its parser may serve the next one. */
    void parsed() {
        Slot slot = slots.get();
        if (slot.parser != null) {
            slot.reusable = true;
        }
    }

    private static final class BabelParser extends SqlBabelParserImpl implements Reusable {

        BabelParser(Reader reader) {
            super(reader);
        }

        @Override
        public void reset(Reader reader) {
            ReInit(reader);
            nDynamicParams = 0;
            warnings.clear();
            lookingAhead = false;
        }
    }

    private static final class CoreParser extends SqlParserImpl implements Reusable {

        CoreParser(Reader reader) {
            super(reader);
        }

        @Override
        public void reset(Reader reader) {
            ReInit(reader);
            nDynamicParams = 0;
            warnings.clear();
            lookingAhead = false;
        }
    }
}
