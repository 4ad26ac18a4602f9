package io.basalt.parser.ast;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code COPY table [(columns)] FROM 'file' [options]}. Options come from either syntax, {@code (FORMAT
 * csv, HEADER, …)} or the older {@code WITH DELIMITER '|' CSV HEADER}, as one ordered map with upper-case
 * names: {@code CSV} becomes {@code FORMAT csv}, a bare {@code HEADER} becomes {@code HEADER true}.
 */
public record CopyFromStatement(QualifiedName table, List<String> columns, String file,
                                Map<String, OptionValue> options, SourceSpan span) implements Statement {

    public CopyFromStatement {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Objects.requireNonNull(file, "file");
        options = OrderedMaps.copyOf(options);
        Objects.requireNonNull(span, "span");
    }
}
