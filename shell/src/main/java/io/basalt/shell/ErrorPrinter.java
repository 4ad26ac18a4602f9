package io.basalt.shell;

import io.basalt.jdbc.spi.BasaltSQLException;
import io.basalt.jdbc.spi.SqlPosition;
import io.basalt.shell.render.DisplayWidth;
import io.basalt.shell.render.Styles;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Shows a failed statement's error as psql does: {@code ERROR 42P01: message}, then, when the driver says
 * where in the statement the problem is, that line of the statement with a caret under the position.
 */
final class ErrorPrinter {

    private ErrorPrinter() {
    }

    static void print(PrintWriter out, Styles styles, String sql, SQLException error) {
        String state = error.getSQLState() == null ? "" : " " + error.getSQLState();
        out.println(styles.error("ERROR" + state + ":") + " " + error.getMessage());
        Optional<SqlPosition> position = error instanceof BasaltSQLException
                ? ((BasaltSQLException) error).getPosition() : Optional.empty();
        if (position.isEmpty() || sql == null) {
            return;
        }
        String[] lines = sql.split("\n", -1);
        int line = position.get().line();
        if (line < 1 || line > lines.length) {
            return;
        }
        // Tabs become one blank in both the line and the caret's indent, so the caret lands under its character.
        String text = lines[line - 1].replace('\t', ' ').replace("\r", "");
        String prefix = "LINE " + line + ": ";
        int column = Math.min(Math.max(position.get().column(), 1) - 1, text.length());
        out.println(prefix + text);
        out.println(" ".repeat(prefix.length() + DisplayWidth.of(text.substring(0, column))) + styles.error("^"));
    }

    /** For failures that are not the database's answer but a bug of the shell or driver: still no crash. */
    static void printUnexpected(PrintWriter out, Styles styles, Throwable error) {
        out.println(styles.error("ERROR XX000:") + " unexpected " + error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}
