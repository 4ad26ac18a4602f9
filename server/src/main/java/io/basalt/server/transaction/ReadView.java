package io.basalt.server.transaction;

import io.basalt.storage.commit.Manifest;

/**
 * The catalog version one statement reads. In auto-commit mode it is a pinned snapshot of the newest version,
 * released by {@link #close()}; inside a transaction it is the transaction's view (its snapshot and its own
 * changes), which the transaction keeps pinned, so closing does nothing.
 */
public interface ReadView extends AutoCloseable {

    Manifest manifest();

    @Override
    void close();
}
