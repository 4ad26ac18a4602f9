package io.basalt.storage.commit;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
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
        Manifest manifest = withTable(List.of());

        Manifest decoded = ManifestCodec.decode(FILE, asVersionOne(ManifestCodec.encode(manifest)));

        assertThat(decoded.tables()).isEqualTo(manifest.tables());
        assertThat(decoded.views()).isEmpty();
    }

    @Test
    void refusesVersionsFromTheFuture() {
        byte[] bytes = ManifestCodec.encode(withTable(List.of()));
        ByteBuffer.wrap(bytes).putInt(ManifestCodec.MAGIC.length, ManifestCodec.FORMAT_VERSION + 1);

        assertThatThrownBy(() -> ManifestCodec.decode(FILE, bytes)).isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("format version 3 is not supported (this build reads 1 to 2)");
    }

    private static Manifest withTable(List<ViewDefinition> views) {
        Manifest initial = Manifest.initial();
        TableDefinition table = TableDefinition.of("main", "t", List.of(ColumnDefinition.of("a", LogicalType.INTEGER)));
        TreeMap<Long, TableEntry> tables = new TreeMap<>();
        tables.put(1L, new TableEntry(1, table, List.of(new PartitionEntry(2, Optional.empty(), List.of())), 1));
        return new Manifest(1, 3, initial.commitTimeMillis(), initial.schemas(), tables, views);
    }

    /** A file as format version 1 wrote it: the same payload without the view count (zero) at its end. */
    private static byte[] asVersionOne(byte[] versionTwo) {
        int payloadLength = versionTwo.length - HEADER_BYTES - 4 - 4;
        byte[] payload = Arrays.copyOfRange(versionTwo, HEADER_BYTES, HEADER_BYTES + payloadLength);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(HEADER_BYTES + payloadLength + 4).put(ManifestCodec.MAGIC).putInt(1)
                .putLong(payloadLength).put(payload).putInt((int) crc.getValue()).array();
    }
}
