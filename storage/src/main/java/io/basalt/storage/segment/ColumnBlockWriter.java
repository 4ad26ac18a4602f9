package io.basalt.storage.segment;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.BlockEncoder;
import io.basalt.storage.encoding.BlockLimits;
import io.basalt.storage.encoding.EncodedBlock;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Buffers one column's rows until a block is full, then encodes, compresses, checksums and appends the
 * block to the file, remembering where it went. Only one block of rows is ever held. A block is cut at
 * {@link BlockLimits#MAX_ROWS} rows, and a BYTES block also as soon as its values reach
 * {@link BlockLimits#BYTES_TARGET} bytes.
 */
final class ColumnBlockWriter {

    private final ColumnSpec spec;
    private final PhysicalKind kind;
    private final SegmentFileOutput output;
    private final ColumnVector buffer;
    private final List<BlockInfo> blocks = new ArrayList<>();
    private final DistinctCountSketch sketch = new DistinctCountSketch();
    private int rowOffset;

    ColumnBlockWriter(ColumnSpec spec, SegmentFileOutput output) {
        this.spec = spec;
        this.kind = spec.type().physicalKind();
        this.output = output;
        this.buffer = kind == PhysicalKind.BYTES ? new BytesVector(4096, 64 * 1024) : ColumnVector.create(kind, 4096);
    }

    void append(ColumnVector source, int from, int count) {
        if (kind == PhysicalKind.BYTES) {
            appendBytes((BytesVector) source, from, count);
            return;
        }
        while (count > 0) {
            int take = Math.min(count, BlockLimits.MAX_ROWS - buffer.positionCount());
            VectorCopier.appendRange(buffer, source, from, take);
            from += take;
            count -= take;
            if (buffer.positionCount() == BlockLimits.MAX_ROWS) {
                flush();
            }
        }
    }

    /** Row by row, because the byte limit can cut a block after any value. */
    private void appendBytes(BytesVector source, int from, int count) {
        BytesVector target = (BytesVector) buffer;
        for (int i = from; i < from + count; i++) {
            target.appendFrom(source, i);
            if (target.positionCount() == BlockLimits.MAX_ROWS || target.dataSize() >= BlockLimits.BYTES_TARGET) {
                flush();
            }
        }
    }

    /** Writes the buffered rows, if any, as one block. */
    void flush() {
        int rows = buffer.positionCount();
        if (rows == 0) {
            return;
        }
        EncodedBlock encoded = BlockEncoder.encode(buffer, rows);
        ZoneMap zoneMap = ZoneMapBuilder.of(buffer, rows);
        sketch.addAll(buffer, rows);

        byte[] stored = encoded.bytes();
        int storedLength = encoded.length();
        Compression compression = Compression.NONE;
        if (spec.compression() != Compression.NONE) {
            byte[] compressed = spec.compression().codec().compress(encoded.bytes(), 0, encoded.length());
            // Compression that does not pay is undone per block: reading it back would only cost time.
            if (compressed.length < encoded.length()) {
                stored = compressed;
                storedLength = compressed.length;
                compression = spec.compression();
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(stored, 0, storedLength);
        long fileOffset = output.write(stored, 0, storedLength);
        blocks.add(new BlockInfo(rowOffset, rows, fileOffset, storedLength, encoded.length(), encoded.encoding(),
                compression, zoneMap, (int) crc.getValue()));
        rowOffset += rows;
        buffer.reset();
    }

    List<BlockInfo> blocks() {
        return blocks;
    }

    DistinctCountSketch sketch() {
        return sketch;
    }

    ColumnSpec spec() {
        return spec;
    }
}
