/*
 * Basalt's SQL lexer. It stands on its own: the statement parser uses it, and so does the shell, for
 * splitting scripts into statements, syntax highlighting and completion. It therefore never fails:
 * every character becomes some token, an unterminated quote or comment becomes an UNTERMINATED_* token
 * (which the parser reports with PostgreSQL's wording) and an unknown character becomes UNRECOGNIZED.
 *
 * Keywords come first, so a keyword token is one whose literal name is a word (see TokenCategory).
 * Only words that Basalt's statement grammar uses, or that a reader expects highlighted in a query, are
 * keywords; every other word is an IDENTIFIER. The parser decides which keywords may still serve as
 * identifiers (its nonReservedKeyword rule), so that columns named `year`, `date` or `key` work unquoted.
 */
lexer grammar BasaltLexer;

options { caseInsensitive = true; }

tokens { UNTERMINATED_BLOCK_COMMENT, UNTERMINATED_DOLLAR_STRING }

@members {
    /**
     * Consumes a dollar-quoted body up to the closing tag, which must equal the opening one exactly (tags
     * are case-sensitive, unlike keywords); ANTLR's rules cannot express "the same tag again" themselves.
     */
    private void consumeDollarQuotedBody() {
        String tag = getText();
        while (_input.LA(1) != CharStream.EOF) {
            if (closingTagFollows(tag)) {
                consumeCharacters(tag.length());
                return;
            }
            consumeCharacters(1);
        }
        setType(UNTERMINATED_DOLLAR_STRING);
    }

    private boolean closingTagFollows(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (_input.LA(i + 1) != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Consumes a block comment's body; comments nest as in PostgreSQL, so depth is counted. */
    private void consumeBlockCommentBody() {
        int depth = 1;
        while (_input.LA(1) != CharStream.EOF) {
            if (_input.LA(1) == '/' && _input.LA(2) == '*') {
                consumeCharacters(2);
                depth++;
            } else if (_input.LA(1) == '*' && _input.LA(2) == '/') {
                consumeCharacters(2);
                depth--;
                if (depth == 0) {
                    setChannel(HIDDEN);
                    return;
                }
            } else {
                consumeCharacters(1);
            }
        }
        // Left on the default channel, so the parser sees it and reports it.
        setType(UNTERMINATED_BLOCK_COMMENT);
    }

    /** Consumes through the interpreter, which keeps the line and column of later tokens right. */
    private void consumeCharacters(int count) {
        for (int i = 0; i < count; i++) {
            getInterpreter().consume(_input);
        }
    }
}

// ---- keywords (case-insensitive) ----
ADD: 'ADD';
ALL: 'ALL';
ALTER: 'ALTER';
ANALYZE: 'ANALYZE';
ALWAYS: 'ALWAYS';
AND: 'AND';
ANY: 'ANY';
AS: 'AS';
ASC: 'ASC';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BIGINT: 'BIGINT';
BINARY: 'BINARY';
BOOL: 'BOOL';
BOOLEAN: 'BOOLEAN';
BY: 'BY';
CASCADE: 'CASCADE';
CASE: 'CASE';
CAST: 'CAST';
CHAR: 'CHAR';
CHARACTER: 'CHARACTER';
CHECK: 'CHECK';
COLLATE: 'COLLATE';
COLUMN: 'COLUMN';
COLUMNS: 'COLUMNS';
COMMIT: 'COMMIT';
CONSTRAINT: 'CONSTRAINT';
COPY: 'COPY';
CREATE: 'CREATE';
CROSS: 'CROSS';
CSV: 'CSV';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_TIME: 'CURRENT_TIME';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
DATE: 'DATE';
DEC: 'DEC';
DECIMAL: 'DECIMAL';
DEFAULT: 'DEFAULT';
DELETE: 'DELETE';
DELIMITER: 'DELIMITER';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DISTINCT: 'DISTINCT';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
ELSE: 'ELSE';
ENCODING: 'ENCODING';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FETCH: 'FETCH';
FIRST: 'FIRST';
FLOAT: 'FLOAT';
FLOAT4: 'FLOAT4';
FLOAT8: 'FLOAT8';
FOR: 'FOR';
FOREIGN: 'FOREIGN';
FROM: 'FROM';
FULL: 'FULL';
GENERATED: 'GENERATED';
GRANT: 'GRANT';
GROUP: 'GROUP';
HAVING: 'HAVING';
HEADER: 'HEADER';
IDENTITY: 'IDENTITY';
IF: 'IF';
ILIKE: 'ILIKE';
IN: 'IN';
INCLUDE: 'INCLUDE';
INCREMENT: 'INCREMENT';
INDEX: 'INDEX';
INNER: 'INNER';
INSERT: 'INSERT';
INT: 'INT';
INT2: 'INT2';
INT4: 'INT4';
INT8: 'INT8';
INTEGER: 'INTEGER';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
KEY: 'KEY';
LAST: 'LAST';
LATERAL: 'LATERAL';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LOGIN: 'LOGIN';
MERGE: 'MERGE';
NATURAL: 'NATURAL';
NOLOGIN: 'NOLOGIN';
NOSUPERUSER: 'NOSUPERUSER';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
NUMERIC: 'NUMERIC';
OFFSET: 'OFFSET';
ON: 'ON';
ONLY: 'ONLY';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
OVER: 'OVER';
OVERRIDING: 'OVERRIDING';
PARTITION: 'PARTITION';
PASSWORD: 'PASSWORD';
PRECISION: 'PRECISION';
PRIMARY: 'PRIMARY';
PRIVILEGES: 'PRIVILEGES';
PUBLIC: 'PUBLIC';
QUOTE: 'QUOTE';
REAL: 'REAL';
RECURSIVE: 'RECURSIVE';
REFERENCES: 'REFERENCES';
RENAME: 'RENAME';
REPLACE: 'REPLACE';
RESET: 'RESET';
RESTRICT: 'RESTRICT';
RETURNING: 'RETURNING';
REVOKE: 'REVOKE';
RIGHT: 'RIGHT';
ROLE: 'ROLE';
ROLLBACK: 'ROLLBACK';
ROWS: 'ROWS';
SCHEMA: 'SCHEMA';
SCHEMAS: 'SCHEMAS';
SELECT: 'SELECT';
SET: 'SET';
SHOW: 'SHOW';
SMALLINT: 'SMALLINT';
SOME: 'SOME';
START: 'START';
STRING: 'STRING';
SUPERUSER: 'SUPERUSER';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEXT: 'TEXT';
THEN: 'THEN';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TINYINT: 'TINYINT';
TO: 'TO';
TRANSACTION: 'TRANSACTION';
TRUE: 'TRUE';
TRUNCATE: 'TRUNCATE';
UNION: 'UNION';
UNIQUE: 'UNIQUE';
UPDATE: 'UPDATE';
USAGE: 'USAGE';
USER: 'USER';
USING: 'USING';
VALUES: 'VALUES';
VARCHAR: 'VARCHAR';
VARYING: 'VARYING';
VIEW: 'VIEW';
WHEN: 'WHEN';
WHERE: 'WHERE';
WINDOW: 'WINDOW';
WITH: 'WITH';
WITHOUT: 'WITHOUT';
WORK: 'WORK';
ZONE: 'ZONE';

// ---- punctuation and operators ----
SEMICOLON: ';';
COMMA: ',';
DOT: '.';
LEFT_PAREN: '(';
RIGHT_PAREN: ')';
LEFT_BRACKET: '[';
RIGHT_BRACKET: ']';
DOUBLE_COLON: '::';
COLON: ':';
EQUALS: '=';
NOT_EQUALS: '<>' | '!=';
LESS_THAN: '<';
LESS_OR_EQUAL: '<=';
GREATER_THAN: '>';
GREATER_OR_EQUAL: '>=';
NAMED_ARGUMENT: '=>';
ARROW: '->';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
CARET: '^';
AMPERSAND: '&';
PIPE: '|';
TILDE: '~';
EXCLAMATION: '!';
AT_SIGN: '@';
HASH: '#';
QUESTION_MARK: '?';

// ---- literals and names ----
STRING_LITERAL: '\'' ( ~'\'' | '\'\'' )* '\'';
// PostgreSQL's E'…' strings, where a backslash escapes the next character.
ESCAPE_STRING_LITERAL: 'E\'' ( ~['\\] | '\\' . | '\'\'' )* '\'';
// Longest match makes these win only when the closing quote is missing.
UNTERMINATED_STRING_LITERAL: '\'' ( ~'\'' | '\'\'' )*;
UNTERMINATED_ESCAPE_STRING_LITERAL: 'E\'' ( ~['\\] | '\\' . | '\'\'' )* '\\'? -> type(UNTERMINATED_STRING_LITERAL);
// $$…$$ and $tag$…$tag$: the body is consumed by code (see @members).
DOLLAR_STRING: '$' DOLLAR_TAG? '$' { consumeDollarQuotedBody(); };
PARAMETER: '$' DIGIT+;

INTEGER_LITERAL: DIGIT+;
DECIMAL_LITERAL: DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT;

QUOTED_IDENTIFIER: '"' ( ~'"' | '""' )* '"';
UNTERMINATED_QUOTED_IDENTIFIER: '"' ( ~'"' | '""' )*;
IDENTIFIER: IDENTIFIER_START IDENTIFIER_PART*;

// ---- comments and whitespace (hidden from the parser, kept for the shell) ----
LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' { consumeBlockCommentBody(); };
WHITESPACE: [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else, e.g. a backslash: the parser rejects it where it matters; inside a query span it is
// Calcite's to judge.
UNRECOGNIZED: .;

fragment DIGIT: [0-9];
fragment EXPONENT: 'E' [+-]? DIGIT+;
// Non-ASCII characters may appear in names, as in PostgreSQL.
fragment IDENTIFIER_START: [a-z_\u0080-\uFFFF];
fragment IDENTIFIER_PART: [a-z0-9_$\u0080-\uFFFF];
fragment DOLLAR_TAG: IDENTIFIER_START [a-z0-9_\u0080-\uFFFF]*;
