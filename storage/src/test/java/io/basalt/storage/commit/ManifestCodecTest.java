package io.basalt.storage.commit;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Identity;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.IndexKey;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestCodecTest {

    private static final Path FILE = Path.of("manifest-7.bin");
    private static final int HEADER_BYTES = ManifestCodec.MAGIC.length + 4 + 8;

    @Test
    void viewsSurviveEncoding() {
        Manifest manifest = withTable(List.of(new ViewDefinition("main", "v", "SELECT a FROM t WHERE a > 1",
                List.of(new ColumnDefinition("a", LogicalType.INTEGER, false, Optional.empty(), Optional.empty())),
                List.of("main"), List.of(new RelationName("main", "t")))));

        Manifest decoded = ManifestCodec.decode(FILE, ManifestCodec.encode(manifest));

        assertThat(decoded.views()).isEqualTo(manifest.views());
        assertThat(decoded.tables()).isEqualTo(manifest.tables());
        assertThat(decoded.viewsDependingOn(new RelationName("main", "t"))).extracting(ViewDefinition::name)
                .containsExactly("v");
    }

    @Test
    void readsVersionOneFilesWrittenBeforeViews() {
        Manifest decoded = ManifestCodec.decode(FILE, oldFormat(1));

        assertThat(decoded.tables()).isEqualTo(withTable(List.of()).tables());
        assertThat(decoded.views()).isEmpty();
    }

    @Test
    void readsVersionTwoFilesWrittenBeforeIdentityColumns() {
        Manifest decoded = ManifestCodec.decode(FILE, oldFormat(2));

        TableEntry table = decoded.table(1).orElseThrow();
        assertThat(table).isEqualTo(withTable(List.of()).tables().get(1L));
        assertThat(table.identityPositions()).isZero();
        assertThat(table.lastAppendVersion()).isEqualTo(table.lastRewriteVersion());
        assertThat(table.definition().columns().get(0).identity()).isEmpty();
    }

    @Test
    void identityColumnsAndCountersSurviveEncoding() {
        Manifest initial = Manifest.initial();
        TableDefinition definition = TableDefinition.of("main", "t", List.of(
                ColumnDefinition.notNull("id", LogicalType.BIGINT).withIdentity(new Identity(true, 100, -5)),
                ColumnDefinition.of("a", LogicalType.INTEGER).withDefault("42")));
        TreeMap<Long, TableEntry> tables = new TreeMap<>();
        tables.put(1L, new TableEntry(1, definition, List.of(new PartitionEntry(2, Optional.empty(), List.of())), 1, 4, 77));
        Manifest manifest = new Manifest(5, 3, initial.commitTimeMillis(), initial.schemas(), tables, List.of());

        Manifest decoded = ManifestCodec.decode(FILE, ManifestCodec.encode(manifest));

        assertThat(decoded.tables()).isEqualTo(manifest.tables());
        assertThat(decoded.table(1).orElseThrow().definition().columns().get(0).identity())
                .contains(new Identity(true, 100, -5));
    }

    @Test
    void indexesSurviveEncoding() {
        Manifest initial = Manifest.initial();
        TableDefinition definition = TableDefinition.of("main", "t", List.of(ColumnDefinition.of("a", LogicalType.INTEGER),
                        ColumnDefinition.of("b", LogicalType.TEXT), ColumnDefinition.of("c", LogicalType.DOUBLE)))
                .withIndexes(List.of(new IndexDefinition(9, "t_a_b", true, List.of(new IndexKey("a", false),
                        new IndexKey("b", true)), List.of("c")), new IndexDefinition(10, "t_c", false,
                        List.of(new IndexKey("c", false)), List.of())));
        TreeMap<Long, TableEntry> tables = new TreeMap<>();
        tables.put(1L, new TableEntry(1, definition, List.of(new PartitionEntry(2, Optional.empty(), List.of())), 1, 1, 0));
        Manifest manifest = new Manifest(5, 11, initial.commitTimeMillis(), initial.schemas(), tables, List.of());

        Manifest decoded = ManifestCodec.decode(FILE, ManifestCodec.encode(manifest));

        assertThat(decoded.tables()).isEqualTo(manifest.tables());
        assertThat(decoded.index("main", "t_a_b")).map(found -> found.index().keys().get(1).descending()).contains(true);
        assertThat(decoded.isRelationNameTaken("main", "t_c")).isTrue();
        assertThat(decoded.table(1).orElseThrow().hasUniqueKey()).isTrue();
    }

    @Test
    void refusesVersionsFromTheFuture() {
        byte[] bytes = ManifestCodec.encode(withTable(List.of()));
        ByteBuffer.wrap(bytes).putInt(ManifestCodec.MAGIC.length, ManifestCodec.FORMAT_VERSION + 1);

        assertThatThrownBy(() -> ManifestCodec.decode(FILE, bytes)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("format version 5 is not supported (this build reads 1 to 4)");
    }

    private static Manifest withTable(List<ViewDefinition> views) {
        Manifest initial = Manifest.initial();
        TableDefinition table = TableDefinition.of("main", "t", List.of(ColumnDefinition.of("a", LogicalType.INTEGER)));
        TreeMap<Long, TableEntry> tables = new TreeMap<>();
        tables.put(1L, new TableEntry(1, table, List.of(new PartitionEntry(2, Optional.empty(), List.of())), 1, 1, 0));
        return new Manifest(1, 3, initial.commitTimeMillis(), initial.schemas(), tables, views);
    }

    /**
     * {@link #withTable}'s manifest (no views) as format version 1 or 2 wrote it, byte by byte: those writers are gone,
     * so the layout is spelled out here as docs/storage-format.md described it.
     */
    private static byte[] oldFormat(int formatVersion) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            Manifest manifest = withTable(List.of());
            out.writeLong(manifest.version());
            out.writeLong(manifest.nextId());
            out.writeLong(manifest.commitTimeMillis());
            out.writeInt(1);
            writeString(out, "main");
            out.writeInt(1);
            out.writeLong(1);
            out.writeLong(1);
            writeString(out, "main");
            writeString(out, "t");
            out.writeInt(1);
            writeString(out, "a");
            writeString(out, "INTEGER");
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(0);
            out.writeBoolean(true);
            out.writeBoolean(false);
            out.writeBoolean(false);
            out.writeInt(0);
            writeString(out, TableOptions.DEFAULT.compression().name());
            out.writeInt(TableOptions.DEFAULT.targetSegmentRows());
            out.writeInt(1);
            out.writeLong(2);
            out.writeBoolean(false);
            out.writeInt(0);
            if (formatVersion >= 2) {
                out.writeInt(0);
            }
            out.flush();
            byte[] payload = bytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(payload);
            return ByteBuffer.allocate(HEADER_BYTES + payload.length + 4).put(ManifestCodec.MAGIC).putInt(formatVersion)
                    .putLong(payload.length).put(payload).putInt((int) crc.getValue()).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
