package io.basalt.storage.maintenance;

import io.basalt.storage.commit.CommitCoordinator;
import io.basalt.storage.commit.ManifestStore;
import io.basalt.storage.commit.ReferencedFiles;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Removes old versions. Every version stays readable (time travel) until vacuumed; vacuum keeps the newest
 * {@code retainVersions} and every version a reader still pins, deletes the other manifests, then deletes
 * the data files none of the kept versions reference.
 */
public final class Vacuum {

    private Vacuum() {
    }

    public record VacuumResult(int versionsRemoved, int filesDeleted, long bytesDeleted) {
    }

    /**
     * Keeps the newest {@code retainVersions} versions and the pinned ones, deleting the rest and the files no kept
     * version references; {@code deleted} is told each file deleted.
     */
    public static VacuumResult run(CommitCoordinator coordinator, int retainVersions, Consumer<Path> deleted) {
        if (retainVersions < 1) {
            throw new IllegalArgumentException("vacuum must retain at least the current version");
        }
        return coordinator.withCommitsPaused(() -> {
            ManifestStore store = coordinator.store();
            long current = coordinator.current().version();
            long keepFrom = Math.min(current - retainVersions + 1, coordinator.oldestPinnedVersion());
            List<Long> versions = store.versions();
            int removed = 0;
            Set<Path> referenced = new HashSet<>();
            for (long version : versions) {
                if (version < keepFrom) {
                    store.delete(version);
                    removed++;
                } else {
                    ReferencedFiles.addTo(referenced, coordinator.layout(),
                            version == current ? coordinator.current() : store.read(version));
                }
            }
            var sweep = UnreferencedFileSweeper.sweep(coordinator.layout(), referenced, coordinator.filesInFlight(),
                    deleted);
            return new VacuumResult(removed, sweep.filesDeleted(), sweep.bytesDeleted());
        });
    }
}
