package io.basalt.shell;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The file {@code \o FILE} sends results to. */
record ResultFile(Path path, PrintWriter writer) implements AutoCloseable {

    @Override
    public void close() {
        writer.close();
    }
}
