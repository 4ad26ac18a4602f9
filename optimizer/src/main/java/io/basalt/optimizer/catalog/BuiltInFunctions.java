package io.basalt.optimizer.catalog;

import io.basalt.optimizer.catalog.SystemTableRows.ColumnType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in functions queries may call, one entry per overload, as {@code information_schema.basalt_functions}
 * and {@code basalt_function_arguments} list them (and JDBC's getFunctions / getFunctionColumns from those). The
 * list is data ({@code built-in-functions.tsv} beside this class) rather than derived from the operator table: the
 * validator knows Calcite's whole library, of which Basalt runs a part, and the planner maps calls by name and kind.
 * A test runs every entry's example and checks its result type, so the list cannot name a function that fails.
 */
public final class BuiltInFunctions {

    private static final String RESOURCE = "built-in-functions.tsv";
    private static final List<BuiltInFunction> ALL = load();

    private BuiltInFunctions() {
    }

    /** One argument; {@code repeated} for the last argument of a function taking any number of them. */
    public record Argument(String name, String type, boolean repeated) {
    }

    /**
     * One overload of a built-in function.
     *
     * @param kind       scalar, aggregate or window
     * @param resultType a Basalt type name, or ANY when it is the arguments' type
     * @param example    a select list (and FROM clause) calling it, what follows {@code SELECT}
     */
    public record BuiltInFunction(String name, String kind, String category, List<Argument> arguments, String resultType,
                                  String example, String description) {

        /** The name with its argument types, which tells overloads apart: {@code round(NUMERIC, INTEGER)}. */
        public String specificName() {
            StringBuilder name = new StringBuilder(name()).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                name.append(i == 0 ? "" : ", ").append(arguments.get(i).type()).append(arguments.get(i).repeated() ? ", …" : "");
            }
            return name.append(')').toString();
        }

        /** The arguments as written in the list: {@code string TEXT, length INTEGER}. */
        public String argumentText() {
            StringBuilder text = new StringBuilder();
            for (Argument argument : arguments) {
                text.append(text.length() == 0 ? "" : ", ").append(argument.name()).append(' ').append(argument.type())
                        .append(argument.repeated() ? ", …" : "");
            }
            return text.toString();
        }
    }

    public static List<BuiltInFunction> all() {
        return ALL;
    }

    static SystemTableRows functions() {
        SystemTableRows table = new SystemTableRows().column("function_name", ColumnType.TEXT)
                .column("specific_name", ColumnType.TEXT).column("function_kind", ColumnType.TEXT)
                .column("category", ColumnType.TEXT).column("arguments", ColumnType.TEXT)
                .column("result_type", ColumnType.TEXT).column("description", ColumnType.TEXT)
                .column("example", ColumnType.TEXT);
        for (BuiltInFunction function : ALL) {
            table.row(function.name(), function.specificName(), function.kind(), function.category(),
                    function.argumentText(), function.resultType(), function.description(), "SELECT " + function.example());
        }
        return table;
    }

    static SystemTableRows arguments() {
        SystemTableRows table = new SystemTableRows().column("function_name", ColumnType.TEXT)
                .column("specific_name", ColumnType.TEXT).column("ordinal_position", ColumnType.INTEGER)
                .column("argument_name", ColumnType.TEXT).column("data_type", ColumnType.TEXT)
                .column("is_repeated", ColumnType.TEXT);
        for (BuiltInFunction function : ALL) {
            for (int i = 0; i < function.arguments().size(); i++) {
                Argument argument = function.arguments().get(i);
                table.row(function.name(), function.specificName(), i + 1, argument.name(), argument.type(),
                        argument.repeated() ? "YES" : "NO");
            }
        }
        return table;
    }

    private static List<BuiltInFunction> load() {
        List<BuiltInFunction> functions = new ArrayList<>();
        try (InputStream stream = BuiltInFunctions.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("the list of built-in functions " + RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 7) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " has " + fields.length + " fields, not 7");
                }
                functions.add(new BuiltInFunction(fields[0], fields[1], fields[2], arguments(fields[3]), fields[4], fields[5],
                        fields[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(functions);
    }

    /** {@code name TYPE, name TYPE, …}: a trailing {@code …} makes the argument before it repeated. */
    private static List<Argument> arguments(String text) {
        List<Argument> arguments = new ArrayList<>();
        if (text.isBlank()) {
            return arguments;
        }
        for (String part : text.split(",")) {
            String item = part.strip();
            if (item.equals("…")) {
                Argument last = arguments.remove(arguments.size() - 1);
                arguments.add(new Argument(last.name(), last.type(), true));
                continue;
            }
            int space = item.lastIndexOf(' ');
            arguments.add(new Argument(item.substring(0, space), item.substring(space + 1), false));
        }
        return arguments;
    }
}
