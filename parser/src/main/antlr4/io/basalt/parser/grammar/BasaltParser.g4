/*
 * Basalt's statement grammar. It parses one statement at a time (the script is split on `;` first, from
 * the lexer's tokens) and owns the statement level only: DDL and utility statements are parsed in full,
 * while query bodies and DML are recognised by their first words and taken whole, as token runs, to be
 * handed to Calcite as text spans.
 */
parser grammar BasaltParser;

options { tokenVocab = BasaltLexer; }

singleStatement
    : statement EOF
    ;

statement
    : query                                                                            # queryStatement
    | CREATE TABLE ifNotExists? qualifiedName
        LEFT_PAREN tableElement (COMMA tableElement)* RIGHT_PAREN tableOptions?         # createTable
    | CREATE TABLE ifNotExists? qualifiedName columnList? AS query                     # createTableAs
    | DROP TABLE ifExists? qualifiedName (COMMA qualifiedName)* dropBehavior?          # dropTable
    | CREATE SCHEMA ifNotExists? identifier                                            # createSchema
    | DROP SCHEMA ifExists? identifier dropBehavior?                                   # dropSchema
    | CREATE (OR REPLACE)? VIEW qualifiedName columnList? AS query                     # createView
    | DROP VIEW ifExists? qualifiedName (COMMA qualifiedName)* dropBehavior?           # dropView
    | ALTER TABLE ifExists? qualifiedName alterTableAction                             # alterTable
    | CREATE UNIQUE? INDEX (ifNotExists? identifier)? ON qualifiedName (USING identifier)?
        LEFT_PAREN indexKey (COMMA indexKey)* RIGHT_PAREN (INCLUDE columnList)?        # createIndex
    | DROP INDEX ifExists? qualifiedName (COMMA qualifiedName)* dropBehavior?          # dropIndex
    | TRUNCATE TABLE? qualifiedName (COMMA qualifiedName)*                             # truncate
    | insert                                                                           # insertStatement
    | COPY qualifiedName columnList? FROM string copyOptions?                          # copyFrom
    | COPY qualifiedName columnList? TO string copyOptions?                            # copyTableTo
    | COPY LEFT_PAREN balancedTokens RIGHT_PAREN TO string copyOptions?                # copyQueryTo
    | dml                                                                              # dmlStatement
    | EXPLAIN ANALYZE? explainable                                                     # explain
    | SHOW TABLES ((FROM | IN) identifier)?                                            # showTables
    | SHOW SCHEMAS                                                                     # showSchemas
    | SHOW COLUMNS (FROM | IN) qualifiedName                                           # showColumns
    | SHOW ALL                                                                         # showAll
    | SHOW settingName                                                                 # showSetting
    | (DESCRIBE | DESC) qualifiedName                                                  # describe
    | SET settingName (EQUALS | TO) settingValue                                       # set
    | RESET (ALL | settingName)                                                        # reset
    | (BEGIN (TRANSACTION | WORK)? | START TRANSACTION)                                # begin
    | COMMIT (TRANSACTION | WORK)?                                                     # commit
    | ROLLBACK (TRANSACTION | WORK)?                                                   # rollback
    | ANALYZE qualifiedName?                                                           # analyze
    | CREATE (USER | ROLE) identifier WITH? roleOption*                                # createRole
    | ALTER (USER | ROLE) identifier WITH? roleOption+                                 # alterRole
    | DROP (USER | ROLE) ifExists? identifier (COMMA identifier)*                      # dropRole
    | GRANT privileges ON privilegeTarget TO grantee (COMMA grantee)*                  # grantPrivileges
    | REVOKE privileges ON privilegeTarget FROM grantee (COMMA grantee)*               # revokePrivileges
    | GRANT identifier (COMMA identifier)* TO identifier (COMMA identifier)*           # grantRole
    | REVOKE identifier (COMMA identifier)* FROM identifier (COMMA identifier)*        # revokeRole
    ;

// ---- text handed to Calcite ----

// A query: recognised by its first word (after any opening parentheses), then the rest of the statement.
// A query or DML text always ends its statement, so the non-greedy loop runs to the end of input.
query
    : LEFT_PAREN* (SELECT | WITH | VALUES) .*?
    ;

// A query source keeps a trailing RETURNING list among its tokens; the statement builder splits it off.
insert
    : INSERT INTO qualifiedName columnList? overriding? (query | DEFAULT VALUES (RETURNING .*?)?)
    ;

// OVERRIDING SYSTEM VALUE | OVERRIDING USER VALUE: the two words are checked by the statement builder.
overriding
    : OVERRIDING identifier identifier
    ;

dml
    : (DELETE | UPDATE | MERGE) .*?
    ;

explainable
    : query
    | insert
    | dml
    ;

// Any tokens with parentheses balanced, e.g. the query of COPY (…) TO or part of a DEFAULT expression.
balancedTokens
    : (~(LEFT_PAREN | RIGHT_PAREN) | LEFT_PAREN balancedTokens RIGHT_PAREN)*
    ;

// ---- ALTER TABLE (one action per statement) ----

alterTableAction
    : ADD COLUMN? ifNotExists? columnDefinition                       # addColumn
    | ADD tableConstraint                                             # addConstraint
    | DROP COLUMN? ifExists? identifier dropBehavior?                 # dropColumn
    | RENAME COLUMN? identifier TO identifier                         # renameColumn
    | ALTER COLUMN? identifier SET DEFAULT defaultExpression          # setColumnDefault
    | ALTER COLUMN? identifier DROP DEFAULT                           # dropColumnDefault
    | RENAME TO identifier                                            # renameTable
    ;

// ---- CREATE TABLE ----

tableElement
    : columnDefinition
    | tableConstraint
    ;

columnDefinition
    : identifier dataType columnConstraint*
    ;

columnConstraint
    : (CONSTRAINT identifier)? columnConstraintBody
    ;

columnConstraintBody
    : NOT NULL                                                        # notNullConstraint
    | NULL                                                            # nullConstraint
    | DEFAULT defaultExpression                                       # defaultConstraint
    | PRIMARY KEY                                                     # columnPrimaryKey
    | UNIQUE                                                          # columnUnique
    | REFERENCES qualifiedName (LEFT_PAREN identifier RIGHT_PAREN)? referentialAction*   # columnReferences
    | CHECK LEFT_PAREN balancedTokens RIGHT_PAREN                     # columnCheck
    | GENERATED (ALWAYS | BY DEFAULT) AS IDENTITY
        (LEFT_PAREN identityOption+ RIGHT_PAREN)?                     # identityConstraint
    ;

identityOption
    : START WITH? signedInteger                                       # identityStart
    | INCREMENT BY? signedInteger                                     # identityIncrement
    ;

signedInteger
    : (PLUS | MINUS)? INTEGER_LITERAL
    ;

// ON DELETE / ON UPDATE actions of a foreign key: parsed so that they can be refused as not supported yet.
referentialAction
    : ON (DELETE | UPDATE) anyWord anyWord?
    ;

// The expression runs until the next column constraint, comma or closing parenthesis; the optimizer
// parses and evaluates its text.
defaultExpression
    : NULL
    | defaultExpressionPart+
    ;

defaultExpressionPart
    : LEFT_PAREN balancedTokens RIGHT_PAREN
    | ~(COMMA | LEFT_PAREN | RIGHT_PAREN | NOT | NULL | DEFAULT | PRIMARY | UNIQUE | REFERENCES
        | CONSTRAINT | CHECK | COLLATE | GENERATED)
    ;

tableConstraint
    : (CONSTRAINT identifier)? tableConstraintBody
    ;

tableConstraintBody
    : PRIMARY KEY columnList                                          # tablePrimaryKey
    | UNIQUE columnList                                               # tableUnique
    | FOREIGN KEY columnList REFERENCES qualifiedName columnList? referentialAction*   # tableForeignKey
    | CHECK LEFT_PAREN balancedTokens RIGHT_PAREN                     # tableCheck
    ;

tableOptions
    : WITH LEFT_PAREN tableOption (COMMA tableOption)* RIGHT_PAREN
    ;

tableOption
    : anyWord EQUALS optionValue
    ;

dataType
    : (BOOLEAN | BOOL)                                                # booleanType
    | TINYINT                                                         # tinyintType
    | (SMALLINT | INT2)                                               # smallintType
    | (INTEGER | INT | INT4)                                          # integerType
    | (BIGINT | INT8)                                                 # bigintType
    | (DECIMAL | NUMERIC | DEC) precisionAndScale?                    # decimalType
    | (REAL | FLOAT4)                                                 # realType
    | (DOUBLE PRECISION? | FLOAT8)                                    # doubleType
    | FLOAT singleTypeParameter?                                      # floatType
    | (VARCHAR | CHARACTER VARYING) singleTypeParameter?              # varcharType
    | (CHAR | CHARACTER) singleTypeParameter?                         # charType
    | (TEXT | STRING)                                                 # textType
    | DATE                                                            # dateType
    | TIME (WITHOUT TIME ZONE)?                                       # timeType
    | TIMESTAMP (WITHOUT TIME ZONE)?                                  # timestampType
    | (TIME | TIMESTAMP) WITH TIME ZONE                               # zonedType
    | IDENTIFIER                                                      # unknownType
    ;

precisionAndScale
    : LEFT_PAREN INTEGER_LITERAL (COMMA INTEGER_LITERAL)? RIGHT_PAREN
    ;

singleTypeParameter
    : LEFT_PAREN INTEGER_LITERAL RIGHT_PAREN
    ;

// ---- CREATE INDEX ----

indexKey
    : identifier (ASC | DESC)?
    ;

// ---- COPY ----

copyOptions
    : WITH? LEFT_PAREN copyOption (COMMA copyOption)* RIGHT_PAREN    # parenthesizedCopyOptions
    | WITH? legacyCopyOption+                                         # legacyCopyOptions
    ;

// FORCE_QUOTE * (PostgreSQL) is the one option whose value is a star.
copyOption
    : anyWord (optionValue | ASTERISK)?
    ;

// PostgreSQL's syntax before 9.0, still common in scripts: WITH DELIMITER '|' CSV HEADER.
legacyCopyOption
    : BINARY                                                          # legacyBinary
    | CSV                                                             # legacyCsv
    | HEADER                                                          # legacyHeader
    | (DELIMITER | NULL | QUOTE | ESCAPE | ENCODING) AS? string        # legacyStringOption
    ;

// ---- SET ----

settingName
    : identifier (DOT identifier)*
    ;

settingValue
    : optionValue
    | DEFAULT
    ;

// ---- users, roles and privileges ----

roleOption
    : PASSWORD string                                                 # passwordOption
    | LOGIN                                                           # loginOption
    | NOLOGIN                                                         # noLoginOption
    | SUPERUSER                                                       # superuserOption
    | NOSUPERUSER                                                     # noSuperuserOption
    ;

privileges
    : ALL PRIVILEGES?
    | privilege (COMMA privilege)*
    ;

privilege
    : SELECT | INSERT | UPDATE | DELETE | CREATE | USAGE
    ;

privilegeTarget
    : ALL TABLES IN SCHEMA identifier (COMMA identifier)*             # allTablesTarget
    | SCHEMA identifier (COMMA identifier)*                           # schemaTarget
    | TABLE? qualifiedName (COMMA qualifiedName)*                     # tablesTarget
    ;

// PUBLIC stands for every role; it can still name a schema or table elsewhere.
grantee
    : PUBLIC
    | identifier
    ;

// ---- shared pieces ----

optionValue
    : string                                                          # stringValue
    | (PLUS | MINUS)? (INTEGER_LITERAL | DECIMAL_LITERAL)             # numberValue
    | (TRUE | FALSE | ON)                                             # booleanValue
    | identifier                                                      # wordValue
    ;

ifNotExists
    : IF NOT EXISTS
    ;

ifExists
    : IF EXISTS
    ;

dropBehavior
    : CASCADE
    | RESTRICT
    ;

columnList
    : LEFT_PAREN identifier (COMMA identifier)* RIGHT_PAREN
    ;

qualifiedName
    : identifier (DOT identifier)?
    ;

string
    : STRING_LITERAL
    | ESCAPE_STRING_LITERAL
    | DOLLAR_STRING
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

// Option names may be any word, reserved or not (COPY's NULL option, for one).
anyWord
    : identifier
    | reservedKeyword
    ;

// Keywords that cannot name a table or column without quotes: PostgreSQL's reserved words, plus VALUES,
// which would otherwise make `INSERT INTO t (values) …` ambiguous.
reservedKeyword
    : ALL | ANALYZE | AND | ANY | AS | ASC | CASE | CAST | CHECK | COLLATE | COLUMN | CONSTRAINT | CREATE
    | CROSS | CURRENT_DATE | CURRENT_TIME | CURRENT_TIMESTAMP | DEFAULT | DESC | DISTINCT | ELSE | END
    | EXCEPT | FALSE | FETCH | FOR | FOREIGN | FROM | FULL | GRANT | GROUP | HAVING | ILIKE | IN | INNER
    | INTERSECT | INTO | IS | JOIN | LATERAL | LEFT | LIKE | LIMIT | NATURAL | NOT | NULL | OFFSET | ON
    | ONLY | OR | ORDER | OUTER | PRIMARY | REFERENCES | RETURNING | RIGHT | SELECT | SOME | TABLE | THEN
    | TO | TRUE | UNION | UNIQUE | USING | VALUES | WHEN | WHERE | WINDOW | WITH
    ;

// Every other keyword is an ordinary name where a name is expected.
nonReservedKeyword
    : ADD | ALTER | ALWAYS | BEGIN | BETWEEN | BIGINT | BINARY | BOOL | BOOLEAN | BY | CASCADE | CHAR | CHARACTER | COLUMNS
    | COMMIT | COPY | CSV | DATE | DEC | DECIMAL | DELETE | DELIMITER | DESCRIBE | DOUBLE | DROP | ENCODING
    | ESCAPE | EXISTS | EXPLAIN | EXTRACT | FIRST | FLOAT | FLOAT4 | FLOAT8 | GENERATED | HEADER | IDENTITY | IF
    | INCLUDE | INCREMENT | INDEX | INSERT | INT
    | INT2 | INT4 | INT8 | INTEGER | INTERVAL | KEY | LAST | MERGE | NULLS | NUMERIC | OVER | OVERRIDING | PARTITION
    | PRECISION | QUOTE | REAL | RECURSIVE | RENAME | REPLACE | RESET | RESTRICT | ROLLBACK | ROWS | SCHEMA | SCHEMAS | SET
    | SHOW | SMALLINT | START | STRING | TABLES | TEXT | TIME | TIMESTAMP | TINYINT | TRANSACTION | TRUNCATE | UPDATE
    | VARCHAR | VARYING | VIEW | WITHOUT | WORK | ZONE
    | LOGIN | NOLOGIN | NOSUPERUSER | PASSWORD | PRIVILEGES | PUBLIC | REVOKE | ROLE | SUPERUSER | USAGE | USER
    ;
