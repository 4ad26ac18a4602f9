/**
 * Basalt's statement language: an ANTLR 4 grammar that splits scripts into statements, recognises every
 * statement kind and fully parses DDL and utility statements ({@code CREATE TABLE}, {@code COPY},
 * {@code SHOW}, {@code EXPLAIN}, {@code SET}, transactions, users and grants) into a small AST of Java
 * records. Query bodies ({@code SELECT}, {@code WITH}, {@code VALUES}) are handed on to Calcite as text
 * spans with their offsets kept.
 *
 * <p>Nothing is here yet: the grammar arrives with the query-engine issue. This package depends on
 * nothing else of Basalt's.
 */
package io.basalt.parser;
