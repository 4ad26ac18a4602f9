package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A column type as declared, normalised to Basalt's canonical names so that consumers need not know the
 * synonyms: BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, VARCHAR, CHAR, DATE, TIME,
 * TIMESTAMP. Parameters are as written, except where SQL fixes a default: {@code DECIMAL(p)} becomes
 * {@code DECIMAL(p,0)} and {@code CHAR} becomes {@code CHAR(1)}. No parameters on DECIMAL means "the
 * engine's default"; none on VARCHAR (also TEXT and STRING) means unbounded.
 */
public record TypeName(String name, List<Integer> parameters) {

    public TypeName {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }

    public static TypeName of(String name, Integer... parameters) {
        return new TypeName(name, List.of(parameters));
    }

    /** The SQL spelling, e.g. {@code DECIMAL(10,2)}. */
    @Override
    public String toString() {
        if (parameters.isEmpty()) {
            return name;
        }
        return name + parameters.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }
}
