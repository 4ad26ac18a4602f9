package io.basalt.shell;

import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.shell.catalog.CatalogReader;
import io.basalt.shell.catalog.ForeignKeyDescription;
import io.basalt.shell.catalog.IndexDescription;
import io.basalt.shell.catalog.RelationName;
import io.basalt.shell.catalog.SqlNames;
import io.basalt.shell.render.ListRows;
import io.basalt.shell.render.RenderTarget;
import io.basalt.shell.render.ResultColumn;
import io.basalt.shell.render.ResultSetRows;
import io.basalt.shell.render.RowSource;
import org.antlr.v4.runtime.Token;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalog meta-commands: {@code \d NAME} (columns, keys, partitions, indexes), {@code \dt}, {@code \dn},
 * {@code \dv}, {@code \dm} and {@code \di}. They read through JDBC ({@link CatalogReader}); what Basalt has
 * no objects of yet (views, materialized views, indexes, partitions) is reported as none, never as an error.
 * Listings are rendered like query results, so {@code \mode} applies to them too.
 */
final class CatalogCommands {

    private final ShellSession session;

    CatalogCommands(ShellSession session) {
        this.session = session;
    }

    /** {@code \dt [SCHEMA|PATTERN]}: a schema's tables, or those whose name matches a pattern with * and ?. */
    Outcome listTables(String argument) {
        try {
            CatalogReader reader = reader();
            List<String> schemas = reader.schemas();
            Optional<String> schema = argument.isEmpty() ? Optional.empty() : Optional.of(SqlNames.fromSql(argument));
            Pattern pattern = null;
            if (schema.isPresent() && !schemas.contains(schema.get())) {
                pattern = globPattern(argument);
                schema = Optional.empty();
            }
            List<String[]> rows = new ArrayList<>();
            for (String each : schema.map(List::of).orElse(schemas)) {
                for (RelationName table : reader.tables(each)) {
                    if (pattern == null || pattern.matcher(table.name()).matches()
                            || pattern.matcher(table.schema() + "." + table.name()).matches()) {
                        rows.add(new String[] {table.schema(), table.name(), "table"});
                    }
                }
            }
            return show(List.of(ResultColumn.text("schema"), ResultColumn.text("name"), ResultColumn.text("type")), rows,
                    "No tables" + (argument.isEmpty() ? "." : " match " + argument + "."));
        } catch (SQLException e) {
            return failed(e);
        }
    }

    Outcome listSchemas() {
        try {
            List<String[]> rows = new ArrayList<>();
            for (String schema : reader().schemas()) {
                rows.add(new String[] {schema});
            }
            return show(List.of(ResultColumn.text("schema")), rows, "No schemas.");
        } catch (SQLException e) {
            return failed(e);
        }
    }

    /** {@code \dv}, {@code \dm}: relations of a JDBC table type. */
    Outcome listRelations(String type, String plural) {
        try {
            List<String[]> rows = new ArrayList<>();
            for (RelationName relation : reader().relationsOfType(type)) {
                rows.add(new String[] {relation.schema(), relation.name()});
            }
            return show(List.of(ResultColumn.text("schema"), ResultColumn.text("name")), rows, "No " + plural + ".");
        } catch (SQLException e) {
            return failed(e);
        }
    }

    Outcome listIndexes() {
        try {
            CatalogReader reader = reader();
            List<String[]> rows = new ArrayList<>();
            for (String schema : reader.schemas()) {
                for (RelationName table : reader.tables(schema)) {
                    for (IndexDescription index : reader.indexes(table)) {
                        rows.add(new String[] {schema, index.name(), table.name(), String.join(", ", index.columns()),
                                index.unique() ? "yes" : "no"});
                    }
                }
            }
            return show(List.of(ResultColumn.text("schema"), ResultColumn.text("name"), ResultColumn.text("table"),
                    ResultColumn.text("columns"), ResultColumn.text("unique")), rows, "No indexes.");
        } catch (SQLException e) {
            return failed(e);
        }
    }

    /** {@code \d NAME}: the table's columns (DESCRIBE), then its keys, partitions and indexes. */
    Outcome describe(String name) {
        String sql = "DESCRIBE " + name;
        List<String[]> columns = new ArrayList<>();
        List<ResultColumn> header;
        try (Statement statement = session.connection().createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetRows rows = new ResultSetRows(result);
            header = rows.columns();
            for (String[] row = rows.next(); row != null; row = rows.next()) {
                columns.add(row);
            }
        } catch (SQLException e) {
            ErrorPrinter.print(session.messages(), session.console().styles(), sql, e);
            return Outcome.FAILED;
        }
        RenderTarget target = session.resultTarget(() -> { });
        Optional<RelationName> relation = relationNamed(name);
        target.out().println("Table " + relation.map(RelationName::displayName).orElse(name));
        try {
            session.renderer().render(new ListRows(header, columns), target);
            printKeys(target.out(), header, columns, relation);
            target.out().println("Partitions: none (not partitioned)");
            printIndexes(target.out(), relation);
        } catch (SQLException e) {
            return failed(e);
        }
        return Outcome.OK;
    }

    /** Keys from DESCRIBE's key column (PRI, UNI, FOR); foreign keys' targets when the driver reports them. */
    private void printKeys(PrintWriter out, List<ResultColumn> header, List<String[]> columns, Optional<RelationName> relation)
            throws SQLException {
        int keyColumn = -1;
        for (int i = 0; i < header.size(); i++) {
            keyColumn = header.get(i).label().equalsIgnoreCase("key") ? i : keyColumn;
        }
        if (keyColumn < 0) {
            return;
        }
        printKeyLine(out, "Primary key", columnsWithKey(columns, keyColumn, "PRI"));
        printKeyLine(out, "Unique", columnsWithKey(columns, keyColumn, "UNI"));
        List<ForeignKeyDescription> foreignKeys = relation.isPresent() ? reader().foreignKeys(relation.get()) : List.of();
        if (foreignKeys.isEmpty()) {
            printKeyLine(out, "Foreign key", columnsWithKey(columns, keyColumn, "FOR"));
        }
        for (ForeignKeyDescription key : foreignKeys) {
            out.println("Foreign key: (" + String.join(", ", key.columns()) + ") REFERENCES " + key.referenced().displayName()
                    + " (" + String.join(", ", key.referencedColumns()) + ")");
        }
    }

    private void printIndexes(PrintWriter out, Optional<RelationName> relation) throws SQLException {
        List<IndexDescription> indexes = relation.isPresent() ? reader().indexes(relation.get()) : List.of();
        if (indexes.isEmpty()) {
            out.println("Indexes: none");
            return;
        }
        out.println("Indexes:");
        for (IndexDescription index : indexes) {
            out.println("  " + index.name() + " (" + String.join(", ", index.columns()) + ")" + (index.unique() ? " UNIQUE" : ""));
        }
    }

    private static void printKeyLine(PrintWriter out, String title, List<String> columns) {
        if (!columns.isEmpty()) {
            out.println(title + ": (" + String.join(", ", columns) + ")");
        }
    }

    private static List<String> columnsWithKey(List<String[]> columns, int keyColumn, String key) {
        List<String> names = new ArrayList<>();
        for (String[] column : columns) {
            String keys = column[keyColumn];
            if (keys != null && List.of(keys.toUpperCase(Locale.ROOT).split(",")).contains(key)) {
                names.add(SqlNames.asTyped(column[0]));
            }
        }
        return names;
    }

    /** {@code name} or {@code schema.name} as written (quotes and case rules applied); empty if it is neither. */
    private Optional<RelationName> relationNamed(String text) {
        List<Token> tokens = new ArrayList<>();
        for (Token token : ScriptTokenizer.tokenize(text)) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(token);
            }
        }
        if (tokens.size() == 1 && isName(tokens.get(0))) {
            return Optional.of(new RelationName(session.catalog().defaultSchema(), SqlNames.fromSql(tokens.get(0).getText())));
        }
        if (tokens.size() == 3 && isName(tokens.get(0)) && tokens.get(1).getType() == BasaltLexer.DOT && isName(tokens.get(2))) {
            return Optional.of(new RelationName(SqlNames.fromSql(tokens.get(0).getText()), SqlNames.fromSql(tokens.get(2).getText())));
        }
        return Optional.empty();
    }

    /** Keywords count too: the parser lets most of them name tables ({@code date}, {@code key}). */
    private static boolean isName(Token token) {
        TokenCategory category = TokenCategory.of(token);
        return category == TokenCategory.IDENTIFIER || category == TokenCategory.QUOTED_IDENTIFIER
                || category == TokenCategory.KEYWORD;
    }

    private Outcome show(List<ResultColumn> columns, List<String[]> rows, String whenEmpty) throws SQLException {
        if (rows.isEmpty()) {
            session.messages().println(whenEmpty);
            return Outcome.OK;
        }
        RowSource source = new ListRows(columns, rows);
        session.renderer().render(source, session.resultTarget(() -> { }));
        return Outcome.OK;
    }

    private CatalogReader reader() {
        return new CatalogReader(session.connection());
    }

    private Outcome failed(SQLException error) {
        ErrorPrinter.print(session.messages(), session.console().styles(), null, error);
        return Outcome.FAILED;
    }

    /** A psql-style pattern: {@code *} is any text, {@code ?} one character; case as SQL names fold. */
    private static Pattern globPattern(String argument) {
        String folded = SqlNames.fromSql(argument);
        StringBuilder regex = new StringBuilder();
        for (char c : folded.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
