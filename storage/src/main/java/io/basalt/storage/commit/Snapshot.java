package io.basalt.storage.commit;

/**
 * A pinned manifest version. While a snapshot is open, vacuum keeps every file it references, so a reader
 * can take its time; closing it (once; later calls do nothing) lets those files go.
 */
public final class Snapshot implements AutoCloseable {

    private final Manifest manifest;
    private final CommitCoordinator coordinator;
    private boolean closed;

    Snapshot(Manifest manifest, CommitCoordinator coordinator) {
        this.manifest = manifest;
        this.coordinator = coordinator;
    }

    public Manifest manifest() {
        return manifest;
    }

    public long version() {
        return manifest.version();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            coordinator.unpin(manifest.version());
        }
    }
}
