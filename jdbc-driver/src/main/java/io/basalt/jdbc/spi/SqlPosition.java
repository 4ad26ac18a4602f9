package io.basalt.jdbc.spi;

/** A place in a statement's text: 1-based line and column, as editors count them. */
public final class SqlPosition {

    private final int line;
    private final int column;

    public SqlPosition(int line, int column) {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got line " + line + ", column " + column);
        }
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SqlPosition)) {
            return false;
        }
        SqlPosition that = (SqlPosition) other;
        return line == that.line && column == that.column;
    }

    @Override
    public int hashCode() {
        return line * 31 + column;
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
