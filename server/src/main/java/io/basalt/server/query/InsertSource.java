package io.basalt.server.query;

import io.basalt.parser.ast.InsertStatement;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.server.StatementException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * What an INSERT's source supplies: the target columns in source order and the text to plan. Calcite cannot plan
 * the keyword {@code DEFAULT} inside VALUES, so a VALUES list with DEFAULT items is rewritten: a column that is
 * DEFAULT in every row is dropped (the column then gets its default or identity value, as if not named); a
 * column DEFAULT in only some rows gets the default's text in those rows, or NULL when it has none. A mix is refused
 * (0A000) for identity columns and for defaults that read the clock, whose values must be fresh per statement while
 * the planned source is cached. {@code DEFAULT VALUES} (and a VALUES list of only DEFAULTs) becomes one placeholder
 * column per row.
 *
 * @param columns the target columns the source's columns feed, in order
 */
record InsertSource(List<String> columns, SqlFragment text) {

    static InsertSource of(TableDefinition table, InsertStatement statement) {
        List<String> named = statement.columns().isEmpty()
                ? table.columns().stream().map(ColumnDefinition::name).toList() : statement.columns();
        if (statement.defaultValues()) {
            return new InsertSource(List.of(), GeneratedSql.fragment("VALUES (0)"));
        }
        if (!statement.hasDefaultItems()) {
            return new InsertSource(named, statement.source());
        }
        List<List<SqlFragment>> rows = statement.valuesRows();
        int width = rows.get(0).size();
        for (List<SqlFragment> row : rows) {
            if (row.size() != width) {
                throw new StatementException("42601", "VALUES lists must all be the same length");
            }
        }
        if (width != named.size()) {
            throw new StatementException("42601", "INSERT has " + width + " expressions but " + named.size() + " target columns");
        }
        List<String> kept = new ArrayList<>();
        List<List<String>> keptItems = new ArrayList<>();
        rows.forEach(row -> keptItems.add(new ArrayList<>()));
        for (int k = 0; k < width; k++) {
            int defaults = 0;
            for (List<SqlFragment> row : rows) {
                defaults += isDefault(row.get(k)) ? 1 : 0;
            }
            if (defaults == rows.size()) {
                continue;
            }
            String name = named.get(k);
            kept.add(name);
            String replacement = defaults == 0 ? null : replacement(table, name);
            for (int r = 0; r < rows.size(); r++) {
                SqlFragment item = rows.get(r).get(k);
                keptItems.get(r).add(isDefault(item) ? replacement : item.text());
            }
        }
        StringBuilder text = new StringBuilder("VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            text.append(r == 0 ? "(" : ", (").append(kept.isEmpty() ? "0" : String.join(", ", keptItems.get(r))).append(')');
        }
        return new InsertSource(kept, GeneratedSql.fragment(text.toString()));
    }

    private static boolean isDefault(SqlFragment item) {
        return item.text().equalsIgnoreCase("DEFAULT");
    }

    /** The text standing for DEFAULT in a column that has values in other rows. */
    private static String replacement(TableDefinition table, String name) {
        int index = table.columnIndex(name).orElseThrow(() -> new StatementException("42703",
                "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist"));
        ColumnDefinition column = table.columns().get(index);
        if (column.identity().isPresent()) {
            throw StatementException.notSupported("DEFAULT mixed with values for identity column \"" + name
                    + "\" in one VALUES list");
        }
        if (column.defaultExpression().isEmpty()) {
            return "NULL";
        }
        String expression = column.defaultExpression().get();
        if (TimeFunctions.readsTime(expression)) {
            throw StatementException.notSupported("DEFAULT mixed with values in one VALUES list for column \"" + name
                    + "\", whose default reads the current time");
        }
        return "(" + expression + ")";
    }
}
