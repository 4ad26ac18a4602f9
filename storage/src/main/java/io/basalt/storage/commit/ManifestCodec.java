package io.basalt.storage.commit;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.Identity;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.IndexKey;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * The manifest file format (see docs/storage-format.md, "Manifest files"): a fixed header, a payload and a
 * CRC32C of the payload. Enum values are written by name, not ordinal, so reordering a Java enum can never
 * reinterpret an old file.
 */
final class ManifestCodec {

    static final byte[] MAGIC = "BASALTMF".getBytes(StandardCharsets.US_ASCII);
    /**
     * Version 2 added views after the tables; version 3 identity columns (a generator per column, a counter and the
     * last append version per table); version 4 indexes (after each table's partitions). Files of versions 1 to 3
     * are still read.
     */
    static final int FORMAT_VERSION = 4;
    private static final int FIRST_VERSION_WITH_VIEWS = 2;
    private static final int FIRST_VERSION_WITH_IDENTITY = 3;
    private static final int FIRST_VERSION_WITH_INDEXES = 4;
    private static final int HEADER_BYTES = MAGIC.length + 4 + 8;
    /** Bounds every count read back, so a flipped byte cannot ask for a giant allocation. */
    private static final int MAX_COUNT = 1 << 24;

    private static final byte PRIMARY_KEY = 1;
    private static final byte UNIQUE = 2;
    private static final byte FOREIGN_KEY = 3;

    private ManifestCodec() {
    }

    static byte[] encode(Manifest manifest) {
        try {
            ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(payloadBytes);
            out.writeLong(manifest.version());
            out.writeLong(manifest.nextId());
            out.writeLong(manifest.commitTimeMillis());
            out.writeInt(manifest.schemas().size());
            for (String schema : manifest.schemas()) {
                writeString(out, schema);
            }
            out.writeInt(manifest.tables().size());
            for (TableEntry table : manifest.tables().values()) {
                writeTable(out, table);
            }
            out.writeInt(manifest.views().size());
            for (ViewDefinition view : manifest.views()) {
                writeView(out, view);
            }
            out.flush();
            byte[] payload = payloadBytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(payload);
            ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + payload.length + 4);
            file.put(MAGIC).putInt(FORMAT_VERSION).putLong(payload.length).put(payload).putInt((int) crc.getValue());
            return file.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest decode(Path file, byte[] bytes) {
        if (bytes.length < HEADER_BYTES + 4) {
            throw new CorruptDataException(file, "manifest is " + bytes.length + " bytes, shorter than its header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new CorruptDataException(file, "not a Basalt manifest (bad magic number)");
        }
        int formatVersion = buffer.getInt();
        if (formatVersion < 1 || formatVersion > FORMAT_VERSION) {
            throw new CorruptDataException(file, "manifest format version " + formatVersion + " is not supported (this build reads "
                    + "1 to " + FORMAT_VERSION + ")");
        }
        long payloadLength = buffer.getLong();
        if (payloadLength != bytes.length - HEADER_BYTES - 4L) {
            throw new CorruptDataException(file, "manifest payload length " + payloadLength + " does not match the file size "
                    + bytes.length);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER_BYTES, (int) payloadLength);
        int storedCrc = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if ((int) crc.getValue() != storedCrc) {
            throw new CorruptDataException(file, "manifest checksum mismatch (CRC32C)");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER_BYTES, (int) payloadLength));
            long version = in.readLong();
            long nextId = in.readLong();
            long commitTime = in.readLong();
            TreeSet<String> schemas = new TreeSet<>();
            int schemaCount = readCount(in, file);
            for (int i = 0; i < schemaCount; i++) {
                schemas.add(readString(in, file));
            }
            TreeMap<Long, TableEntry> tables = new TreeMap<>();
            int tableCount = readCount(in, file);
            for (int i = 0; i < tableCount; i++) {
                TableEntry table = readTable(in, file, formatVersion);
                tables.put(table.tableId(), table);
            }
            List<ViewDefinition> views = new ArrayList<>();
            if (formatVersion >= FIRST_VERSION_WITH_VIEWS) {
                int viewCount = readCount(in, file);
                for (int i = 0; i < viewCount; i++) {
                    views.add(readView(in, file, formatVersion));
                }
            }
            return new Manifest(version, nextId, commitTime, schemas, tables, views);
        } catch (EOFException e) {
            throw new CorruptDataException(file, "manifest payload ends early", e);
        } catch (IOException | IllegalArgumentException e) {
            // The checksum matched, so this is a file written by a buggy or foreign writer; still refuse it.
            throw new CorruptDataException(file, "manifest content is invalid: " + e.getMessage(), e);
        }
    }

    private static void writeTable(DataOutputStream out, TableEntry table) throws IOException {
        TableDefinition definition = table.definition();
        out.writeLong(table.tableId());
        out.writeLong(table.lastRewriteVersion());
        out.writeLong(table.lastAppendVersion());
        out.writeLong(table.identityPositions());
        writeString(out, definition.schema());
        writeString(out, definition.name());
        out.writeInt(definition.columns().size());
        for (ColumnDefinition column : definition.columns()) {
            writeColumn(out, column);
        }
        out.writeInt(definition.constraints().size());
        for (Constraint constraint : definition.constraints()) {
            writeConstraint(out, constraint);
        }
        writeString(out, definition.options().compression().name());
        out.writeInt(definition.options().targetSegmentRows());
        out.writeInt(table.partitions().size());
        for (PartitionEntry partition : table.partitions()) {
            out.writeLong(partition.partitionId());
            writeOptionalString(out, partition.name());
            out.writeInt(partition.segments().size());
            for (SegmentEntry segment : partition.segments()) {
                writeSegment(out, segment);
            }
        }
        out.writeInt(definition.indexes().size());
        for (IndexDefinition index : definition.indexes()) {
            writeIndex(out, index);
        }
        out.writeInt(table.indexData().size());
        for (IndexData data : table.indexData()) {
            out.writeLong(data.indexId());
            out.writeLong(data.segmentId());
            out.writeLong(data.rowCount());
            out.writeInt(data.source().size());
            for (SegmentEntry segment : data.source()) {
                writeSegment(out, segment);
            }
        }
    }

    private static void writeSegment(DataOutputStream out, SegmentEntry segment) throws IOException {
        out.writeLong(segment.segmentId());
        out.writeLong(segment.rowCount());
        out.writeLong(segment.byteSize());
        out.writeBoolean(segment.deletionVectorId().isPresent());
        out.writeLong(segment.deletionVectorId().orElse(0L));
        out.writeLong(segment.deletedRows());
    }

    private static SegmentEntry readSegment(DataInputStream in) throws IOException {
        long segmentId = in.readLong();
        long rowCount = in.readLong();
        long byteSize = in.readLong();
        boolean hasDeletions = in.readBoolean();
        long deletionVectorId = in.readLong();
        long deletedRows = in.readLong();
        return new SegmentEntry(segmentId, rowCount, byteSize, hasDeletions ? Optional.of(deletionVectorId) : Optional.empty(),
                deletedRows);
    }

    private static List<IndexData> readIndexData(DataInputStream in, Path file) throws IOException {
        int count = readCount(in, file);
        List<IndexData> indexData = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long indexId = in.readLong();
            long segmentId = in.readLong();
            long rowCount = in.readLong();
            int sourceCount = readCount(in, file);
            List<SegmentEntry> source = new ArrayList<>(sourceCount);
            for (int s = 0; s < sourceCount; s++) {
                source.add(readSegment(in));
            }
            indexData.add(new IndexData(indexId, segmentId, rowCount, source));
        }
        return indexData;
    }

    private static void writeIndex(DataOutputStream out, IndexDefinition index) throws IOException {
        out.writeLong(index.indexId());
        writeString(out, index.name());
        out.writeBoolean(index.unique());
        out.writeInt(index.keys().size());
        for (IndexKey key : index.keys()) {
            writeString(out, key.column());
            out.writeBoolean(key.descending());
        }
        writeStrings(out, index.included());
    }

    private static IndexDefinition readIndex(DataInputStream in, Path file) throws IOException {
        long indexId = in.readLong();
        String name = readString(in, file);
        boolean unique = in.readBoolean();
        int keyCount = readCount(in, file);
        List<IndexKey> keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            keys.add(new IndexKey(readString(in, file), in.readBoolean()));
        }
        return new IndexDefinition(indexId, name, unique, keys, readStrings(in, file));
    }

    private static TableEntry readTable(DataInputStream in, Path file, int formatVersion) throws IOException {
        long tableId = in.readLong();
        long lastRewriteVersion = in.readLong();
        boolean withIdentity = formatVersion >= FIRST_VERSION_WITH_IDENTITY;
        // Before version 3 appends were not tracked; the rewrite version is a safe stand-in (a transaction that
        // starts after opening has a newer base anyway).
        long lastAppendVersion = withIdentity ? in.readLong() : lastRewriteVersion;
        long identityPositions = withIdentity ? in.readLong() : 0;
        String schema = readString(in, file);
        String name = readString(in, file);
        int columnCount = readCount(in, file);
        List<ColumnDefinition> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            columns.add(readColumn(in, file, formatVersion));
        }
        int constraintCount = readCount(in, file);
        List<Constraint> constraints = new ArrayList<>(constraintCount);
        for (int i = 0; i < constraintCount; i++) {
            constraints.add(readConstraint(in, file));
        }
        Compression compression = Compression.valueOf(readString(in, file));
        TableOptions options = new TableOptions(compression, in.readInt());
        int partitionCount = readCount(in, file);
        List<PartitionEntry> partitions = new ArrayList<>(partitionCount);
        for (int i = 0; i < partitionCount; i++) {
            long partitionId = in.readLong();
            Optional<String> partitionName = readOptionalString(in, file);
            int segmentCount = readCount(in, file);
            List<SegmentEntry> segments = new ArrayList<>(segmentCount);
            for (int s = 0; s < segmentCount; s++) {
                segments.add(readSegment(in));
            }
            partitions.add(new PartitionEntry(partitionId, partitionName, segments));
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        List<IndexData> indexData = List.of();
        if (formatVersion >= FIRST_VERSION_WITH_INDEXES) {
            int indexCount = readCount(in, file);
            for (int i = 0; i < indexCount; i++) {
                indexes.add(readIndex(in, file));
            }
            indexData = readIndexData(in, file);
        }
        TableDefinition definition = new TableDefinition(schema, name, columns, constraints, options, indexes);
        return new TableEntry(tableId, definition, partitions, lastRewriteVersion, lastAppendVersion, identityPositions,
                indexData);
    }

    private static void writeView(DataOutputStream out, ViewDefinition view) throws IOException {
        writeString(out, view.schema());
        writeString(out, view.name());
        writeString(out, view.query());
        out.writeInt(view.columns().size());
        for (ColumnDefinition column : view.columns()) {
            writeColumn(out, column);
        }
        writeStrings(out, view.searchPath());
        out.writeInt(view.dependencies().size());
        for (RelationName dependency : view.dependencies()) {
            writeString(out, dependency.schema());
            writeString(out, dependency.name());
        }
    }

    private static ViewDefinition readView(DataInputStream in, Path file, int formatVersion) throws IOException {
        String schema = readString(in, file);
        String name = readString(in, file);
        String query = readString(in, file);
        int columnCount = readCount(in, file);
        List<ColumnDefinition> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            columns.add(readColumn(in, file, formatVersion));
        }
        List<String> searchPath = readStrings(in, file);
        int dependencyCount = readCount(in, file);
        List<RelationName> dependencies = new ArrayList<>(dependencyCount);
        for (int i = 0; i < dependencyCount; i++) {
            dependencies.add(new RelationName(readString(in, file), readString(in, file)));
        }
        return new ViewDefinition(schema, name, query, columns, searchPath, dependencies);
    }

    private static void writeColumn(DataOutputStream out, ColumnDefinition column) throws IOException {
        writeString(out, column.name());
        LogicalType type = column.type();
        writeString(out, type.kind().name());
        out.writeInt(type.precision());
        out.writeInt(type.scale());
        out.writeInt(type.length());
        out.writeBoolean(column.nullable());
        writeOptionalString(out, column.defaultExpression());
        writeOptionalString(out, column.compression().map(Enum::name));
        out.writeBoolean(column.identity().isPresent());
        if (column.identity().isPresent()) {
            Identity identity = column.identity().get();
            out.writeBoolean(identity.always());
            out.writeLong(identity.start());
            out.writeLong(identity.increment());
        }
    }

    private static ColumnDefinition readColumn(DataInputStream in, Path file, int formatVersion) throws IOException {
        String name = readString(in, file);
        TypeKind kind = TypeKind.valueOf(readString(in, file));
        LogicalType type = new LogicalType(kind, in.readInt(), in.readInt(), in.readInt());
        boolean nullable = in.readBoolean();
        Optional<String> defaultExpression = readOptionalString(in, file);
        Optional<Compression> compression = readOptionalString(in, file).map(Compression::valueOf);
        Optional<Identity> identity = Optional.empty();
        if (formatVersion >= FIRST_VERSION_WITH_IDENTITY && in.readBoolean()) {
            identity = Optional.of(new Identity(in.readBoolean(), in.readLong(), in.readLong()));
        }
        return new ColumnDefinition(name, type, nullable, defaultExpression, compression, identity);
    }

    private static void writeConstraint(DataOutputStream out, Constraint constraint) throws IOException {
        out.writeByte(constraint instanceof Constraint.PrimaryKey ? PRIMARY_KEY
                : constraint instanceof Constraint.Unique ? UNIQUE : FOREIGN_KEY);
        writeString(out, constraint.name());
        writeStrings(out, constraint.columns());
        if (constraint instanceof Constraint.ForeignKey foreignKey) {
            writeString(out, foreignKey.referencedSchema());
            writeString(out, foreignKey.referencedTable());
            writeStrings(out, foreignKey.referencedColumns());
        }
    }

    private static Constraint readConstraint(DataInputStream in, Path file) throws IOException {
        byte kind = in.readByte();
        String name = readString(in, file);
        List<String> columns = readStrings(in, file);
        return switch (kind) {
            case PRIMARY_KEY -> new Constraint.PrimaryKey(name, columns);
            case UNIQUE -> new Constraint.Unique(name, columns);
            case FOREIGN_KEY -> new Constraint.ForeignKey(name, columns, readString(in, file), readString(in, file),
                    readStrings(in, file));
            default -> throw new CorruptDataException(file, "unknown constraint kind " + kind);
        };
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static List<String> readStrings(DataInputStream in, Path file) throws IOException {
        int count = readCount(in, file);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(in, file));
        }
        return values;
    }

    private static void writeOptionalString(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            writeString(out, value.get());
        }
    }

    private static Optional<String> readOptionalString(DataInputStream in, Path file) throws IOException {
        return in.readBoolean() ? Optional.of(readString(in, file)) : Optional.empty();
    }

    /** Length-prefixed UTF-8; unlike {@code writeUTF}, not limited to 64 KB (DEFAULT expressions can be long). */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, Path file) throws IOException {
        int length = readCount(in, file);
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int readCount(DataInputStream in, Path file) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_COUNT) {
            throw new CorruptDataException(file, "implausible count " + count + " in manifest");
        }
        return count;
    }
}
