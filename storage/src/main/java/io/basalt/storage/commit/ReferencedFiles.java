package io.basalt.storage.commit;

import io.basalt.storage.DataLayout;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** The data files a manifest version needs: its segments, their current deletion vectors and its index data. */
public final class ReferencedFiles {

    private ReferencedFiles() {
    }

    public static Set<Path> of(DataLayout layout, Manifest manifest) {
        Set<Path> files = new HashSet<>();
        addTo(files, layout, manifest);
        return files;
    }

    public static void addTo(Set<Path> files, DataLayout layout, Manifest manifest) {
        for (TableEntry table : manifest.tables().values()) {
            for (PartitionEntry partition : table.partitions()) {
                for (SegmentEntry segment : partition.segments()) {
                    files.add(layout.segmentFile(table.tableId(), partition.partitionId(), segment.segmentId()));
                    segment.deletionVectorId().ifPresent(id -> files.add(
                            layout.deletionVectorFile(table.tableId(), partition.partitionId(), segment.segmentId(), id)));
                }
            }
            for (IndexData index : table.indexData()) {
                files.add(layout.indexSegmentFile(table.tableId(), index.indexId(), index.segmentId()));
            }
        }
    }
}
