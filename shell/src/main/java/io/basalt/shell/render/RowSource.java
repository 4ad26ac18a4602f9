package io.basalt.shell.render;

import java.sql.SQLException;
import java.util.List;

/** Rows to render, read once in order: a JDBC result, or rows the shell built itself ({@code \d}). */
public interface RowSource {

    List<ResultColumn> columns();

    /** The next row's values as text, {@code null} for SQL NULL; {@code null} after the last row. */
    String[] next() throws SQLException;
}
