package io.basalt.shell.render;

/** {@code \x}: tables as usual, always vertical, or vertical only when a table would have to leave columns out. */
public enum ExpandedMode {
    OFF,
    ON,
    AUTO;

    /** The renderer for results in {@code mode}: expanded display changes only the table mode. */
    public ResultRenderer rendererFor(OutputMode mode) {
        return switch (mode) {
            case TABLE -> this == ON ? new VerticalRenderer() : new TableRenderer(this == AUTO);
            case CSV -> new CsvRenderer();
            case JSON -> new JsonRenderer();
            case MARKDOWN -> new MarkdownRenderer();
            case LINE -> new LineRenderer();
        };
    }
}
