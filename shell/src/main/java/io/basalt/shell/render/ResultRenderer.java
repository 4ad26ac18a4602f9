package io.basalt.shell.render;

import java.sql.SQLException;

/** Writes a result in one output format. */
public interface ResultRenderer {

    /** Reads every row of {@code rows} and writes them; returns how many rows the result had. */
    long render(RowSource rows, RenderTarget target) throws SQLException;
}
