package io.basalt.storage;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where everything lives inside a data directory (DESIGN.md, storage/):
 * <pre>
 * DATA_DIR/LOCK
 * DATA_DIR/catalog/manifest-&lt;version&gt;.bin
 * DATA_DIR/tables/&lt;table-id&gt;/&lt;partition-id&gt;/&lt;segment-id&gt;.seg
 * DATA_DIR/tables/&lt;table-id&gt;/&lt;partition-id&gt;/&lt;segment-id&gt;.&lt;deletion-vector-id&gt;.del
 * DATA_DIR/tables/&lt;table-id&gt;/indexes/&lt;index-id&gt;/&lt;segment-id&gt;.seg
 * </pre>
 * Ids are never reused, so a file name alone says which commit wrote it.
 */
public record DataLayout(Path root) {

    public static final String SEGMENT_SUFFIX = ".seg";
    public static final String DELETION_VECTOR_SUFFIX = ".del";
    public static final String TEMPORARY_SUFFIX = ".tmp";

    public Path lockFile() {
        return root.resolve("LOCK");
    }

    public Path catalogDirectory() {
        return root.resolve("catalog");
    }

    public Path tablesDirectory() {
        return root.resolve("tables");
    }

    public Path manifestFile(long version) {
        return catalogDirectory().resolve(String.format("manifest-%020d.bin", version));
    }

    /** The version a manifest file name carries, or empty when the name is not a manifest's. */
    public static OptionalLong manifestVersion(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith("manifest-") || !name.endsWith(".bin")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(name.substring("manifest-".length(), name.length() - ".bin".length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Path partitionDirectory(long tableId, long partitionId) {
        return tablesDirectory().resolve(Long.toString(tableId)).resolve(Long.toString(partitionId));
    }

    public Path segmentFile(long tableId, long partitionId, long segmentId) {
        return partitionDirectory(tableId, partitionId).resolve(segmentId + SEGMENT_SUFFIX);
    }

    /** An index's data: a segment of its sorted columns (ids never collide with partition ids, which are numbers). */
    public Path indexSegmentFile(long tableId, long indexId, long segmentId) {
        return tablesDirectory().resolve(Long.toString(tableId)).resolve("indexes").resolve(Long.toString(indexId))
                .resolve(segmentId + SEGMENT_SUFFIX);
    }

    public Path deletionVectorFile(long tableId, long partitionId, long segmentId, long deletionVectorId) {
        return partitionDirectory(tableId, partitionId).resolve(segmentId + "." + deletionVectorId + DELETION_VECTOR_SUFFIX);
    }
}
