package io.basalt.shell.completion;

import io.basalt.shell.catalog.CatalogCache;
import io.basalt.shell.catalog.ColumnInfo;
import io.basalt.shell.catalog.RelationName;
import io.basalt.shell.catalog.SqlNames;
import io.basalt.shell.input.MetaCommand;
import io.basalt.shell.input.MetaCommandKind;
import io.basalt.shell.input.SqlParsedLine;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tab completion: keywords, schemas, tables, the columns of the tables the statement reads, functions,
 * and meta-commands with their arguments. What fits at the cursor comes from {@link CompletionAnalyzer};
 * names come from the connection's {@link CatalogCache} (a supplier, because {@code \c} replaces it).
 */
public final class SqlCompleter implements Completer {

    private static final String KEYWORDS = "keywords";
    private static final String FUNCTIONS = "functions";

    private final Supplier<CatalogCache> catalog;
    private final Completer files = new Completers.FileNameCompleter();

    public SqlCompleter(Supplier<CatalogCache> catalog) {
        this.catalog = catalog;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        int wordStart = line.cursor() - line.wordCursor();
        if (isMetaCommandLine(line.line(), wordStart)) {
            completeMetaCommand(reader, line, wordStart, candidates);
        } else {
            candidates.addAll(sqlCandidates(line.line(), wordStart, line.word()));
        }
    }

    /** The candidates for the word at {@code cursor}; what JLine would list, before matching the typed prefix. */
    public List<Candidate> candidates(String buffer, int cursor) {
        List<Candidate> candidates = new ArrayList<>();
        complete(null, SqlParsedLine.at(buffer, cursor), candidates);
        return candidates;
    }

    private List<Candidate> sqlCandidates(String buffer, int wordStart, String word) {
        CompletionScope scope = CompletionAnalyzer.analyse(buffer, wordStart);
        boolean lowerCase = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT));
        List<Candidate> candidates = new ArrayList<>();
        CatalogCache names = catalog.get();
        if (scope.kinds().contains(CompletionKind.COLUMN)) {
            addColumns(names, scope, candidates);
        }
        if (scope.kinds().contains(CompletionKind.TABLE)) {
            addTables(names, scope.qualifier(), candidates);
        }
        if (scope.kinds().contains(CompletionKind.SCHEMA)) {
            for (String schema : names.schemas()) {
                candidates.add(new Candidate(SqlNames.asTyped(schema) + ".", SqlNames.asTyped(schema), "schemas", null,
                        null, null, false));
            }
        }
        if (scope.kinds().contains(CompletionKind.FUNCTION)) {
            for (String function : SqlVocabulary.FUNCTIONS) {
                String value = (lowerCase || word.isEmpty() ? function : function.toUpperCase(Locale.ROOT)) + "(";
                candidates.add(new Candidate(value, value + ")", FUNCTIONS, null, null, null, false));
            }
        }
        if (scope.kinds().contains(CompletionKind.STATEMENT_KEYWORD)) {
            addKeywords(SqlVocabulary.STATEMENT_KEYWORDS, lowerCase, candidates);
        }
        if (scope.kinds().contains(CompletionKind.KEYWORD)) {
            // Before anything is typed, all 150 keywords would bury the names: in an expression only names
            // and functions are offered, after a table the words that may follow it.
            if (!word.isEmpty()) {
                addKeywords(SqlVocabulary.KEYWORDS, lowerCase, candidates);
            } else if (!scope.kinds().contains(CompletionKind.COLUMN)) {
                addKeywords(SqlVocabulary.CLAUSE_KEYWORDS, false, candidates);
            }
        }
        return candidates;
    }

    /** Each column once, described by its type and the tables that have it ({@code bigint, orders}). */
    private static void addColumns(CatalogCache names, CompletionScope scope, List<Candidate> candidates) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (TableReference reference : scope.tables()) {
            if (scope.qualifier().isPresent() && !reference.answersTo(scope.qualifier().get())) {
                continue;
            }
            Optional<RelationName> table = names.resolve(reference.schema(), reference.name());
            if (table.isEmpty()) {
                continue;
            }
            for (ColumnInfo column : names.columns(table.get())) {
                String description = column.type().toLowerCase(Locale.ROOT) + ", " + table.get().name();
                String tableName = table.get().name();
                descriptions.merge(column.name(), description,
                        (known, added) -> List.of(known.split(", ")).contains(tableName) ? known : known + ", " + tableName);
            }
        }
        descriptions.forEach((column, description) -> candidates.add(
                new Candidate(SqlNames.asTyped(column), SqlNames.asTyped(column), "columns", description, null, null, true)));
    }

    private static void addTables(CatalogCache names, Optional<String> schema, List<Candidate> candidates) {
        List<RelationName> tables = schema.isPresent() ? names.tables(schema.get()) : names.allTables();
        for (RelationName table : tables) {
            boolean bare = schema.isPresent() || table.schema().equals(names.defaultSchema());
            String value = bare ? SqlNames.asTyped(table.name()) : table.displayName();
            candidates.add(new Candidate(value, value, "tables", null, null, null, true));
        }
    }

    private static void addKeywords(List<String> keywords, boolean lowerCase, List<Candidate> candidates) {
        for (String keyword : keywords) {
            String value = lowerCase ? keyword.toLowerCase(Locale.ROOT) : keyword;
            candidates.add(new Candidate(value, value, KEYWORDS, null, null, null, true));
        }
    }

    private void completeMetaCommand(LineReader reader, ParsedLine line, int wordStart, List<Candidate> candidates) {
        String buffer = line.line();
        int lineStart = buffer.lastIndexOf('\n', wordStart - 1) + 1;
        String beforeWord = buffer.substring(lineStart, wordStart);
        if (beforeWord.isBlank()) {
            for (MetaCommandKind kind : MetaCommandKind.values()) {
                candidates.add(new Candidate(kind.primaryName(), kind.primaryName(), "meta-commands", kind.description(),
                        null, null, true));
            }
            return;
        }
        Optional<MetaCommandKind> kind = MetaCommandKind.named(MetaCommand.parse(beforeWord).name());
        if (kind.isEmpty()) {
            return;
        }
        CatalogCache names = catalog.get();
        switch (kind.get().argumentKind()) {
            case TABLE -> addTables(names, Optional.empty(), candidates);
            case SCHEMA -> names.schemas().forEach(schema -> candidates.add(new Candidate(SqlNames.asTyped(schema))));
            case CHOICE -> kind.get().choices().forEach(choice -> candidates.add(new Candidate(choice)));
            case FILE -> {
                if (reader != null) {
                    files.complete(reader, line, candidates);
                }
            }
            default -> {
            }
        }
    }

    private static boolean isMetaCommandLine(String buffer, int offset) {
        int lineStart = buffer.lastIndexOf('\n', offset - 1) + 1;
        return MetaCommand.startsMetaCommand(buffer.substring(lineStart));
    }
}
