package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ExecutionOptions;

import java.util.List;

/** One statement a {@link FakeSession} was asked to run, as the session received it. */
public final class Execution {

    private final String sql;
    private final List<Object> parameters;
    private final ExecutionOptions options;
    private final boolean prepared;

    Execution(String sql, List<Object> parameters, ExecutionOptions options, boolean prepared) {
        this.sql = sql;
        this.parameters = parameters;
        this.options = options;
        this.prepared = prepared;
    }

    public String sql() {
        return sql;
    }

    public List<Object> parameters() {
        return parameters;
    }

    public ExecutionOptions options() {
        return options;
    }

    /** Whether it ran through a prepared handle. */
    public boolean prepared() {
        return prepared;
    }

    @Override
    public String toString() {
        return sql + " " + parameters + " " + options;
    }
}
