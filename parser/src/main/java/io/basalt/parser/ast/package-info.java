/**
 * The statement AST: one record per statement kind, all implementing the sealed {@link
 * io.basalt.parser.ast.Statement}, so callers dispatch with {@code instanceof}. Every statement and every
 * piece of text handed on to Calcite ({@link io.basalt.parser.ast.SqlFragment}) carries its
 * {@link io.basalt.parser.ast.SourceSpan} in the original script.
 *
 * <p>Names are already case-folded here (unquoted to lower case, quoted kept as written) and types are
 * normalised to canonical names ({@link io.basalt.parser.ast.TypeName}); nothing in this package knows the
 * catalog or storage.
 */
package io.basalt.parser.ast;
