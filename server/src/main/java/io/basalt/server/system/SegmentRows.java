package io.basalt.server.system;

import io.basalt.storage.DataLayout;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.segment.BlockInfo;
import io.basalt.storage.segment.SegmentFooter;
import io.basalt.storage.segment.SegmentReader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The rows of basalt_segments: one per segment, with the encodings its columns' blocks use, read from the segment's
 * footer ({@code id: BIT_PACKED; name: DICTIONARY, PLAIN}: each column's distinct encodings in block order).
 */
final class SegmentRows {

    private SegmentRows() {
    }

    static List<List<Object>> of(DataLayout layout, Manifest catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableEntry entry : catalog.tables().values()) {
            for (PartitionEntry partition : entry.partitions()) {
                for (SegmentEntry segment : partition.segments()) {
                    rows.add(Arrays.asList(entry.definition().schema(), entry.definition().name(), partition.partitionId(),
                            segment.segmentId(), segment.rowCount(), segment.deletedRows(), segment.byteSize(),
                            encodings(layout, entry.tableId(), partition.partitionId(), segment.segmentId())));
                }
            }
        }
        return rows;
    }

    private static String encodings(DataLayout layout, long tableId, long partitionId, long segmentId) {
        try (SegmentReader reader = SegmentReader.open(layout.segmentFile(tableId, partitionId, segmentId))) {
            SegmentFooter footer = reader.footer();
            StringJoiner columns = new StringJoiner("; ");
            for (int column = 0; column < footer.columnCount(); column++) {
                Set<EncodingKind> kinds = new LinkedHashSet<>();
                for (BlockInfo block : footer.blocks(column)) {
                    kinds.add(block.encoding());
                }
                StringJoiner names = new StringJoiner(", ");
                kinds.forEach(kind -> names.add(kind.name()));
                columns.add(footer.columns().get(column).name() + ": " + names);
            }
            return columns.toString();
        }
    }
}
