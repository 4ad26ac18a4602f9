/**
 * Basalt's statement language: an ANTLR 4 grammar (generated into {@code io.basalt.parser.grammar}) that
 * splits scripts into statements ({@link io.basalt.parser.ScriptSplitter}), recognises every statement kind
 * and fully parses DDL and utility statements into the records of {@code io.basalt.parser.ast}
 * ({@link io.basalt.parser.StatementParser}). Query bodies and DML ({@code SELECT}, {@code WITH},
 * {@code VALUES}, {@code DELETE}, {@code UPDATE}, {@code MERGE}) are handed on to Calcite as text spans
 * with their offsets kept. The shell reuses the lexer ({@link io.basalt.parser.ScriptTokenizer},
 * {@link io.basalt.parser.TokenCategory}).
 *
 * <p>This package depends on nothing else of Basalt's.
 */
package io.basalt.parser;
