package io.basalt.storage.commit;

import io.basalt.storage.DataLayout;
import io.basalt.storage.DurableFiles;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The manifest versions on disk. Publishing version N writes {@code manifest-N.bin} through a temporary
 * file and an atomic rename, so the newest complete file is always the current version; a crash can
 * leave a temporary file behind, never a torn manifest.
 */
public final class ManifestStore {

    private final DataLayout layout;

    public ManifestStore(DataLayout layout) {
        this.layout = layout;
    }

    public void publish(Manifest manifest) {
        Path file = layout.manifestFile(manifest.version());
        if (Files.exists(file)) {
            throw new IllegalStateException("manifest version " + manifest.version() + " already exists: " + file);
        }
        try {
            DurableFiles.publishAtomically(file, ManifestCodec.encode(manifest));
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot publish " + file + ": " + e.getMessage(), e);
        }
    }

    /** The newest version, or empty for a new data directory. A corrupt newest version is an error. */
    public Optional<Manifest> readLatest() {
        List<Long> versions = versions();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(versions.get(versions.size() - 1)));
    }

    public Manifest read(long version) {
        Path file = layout.manifestFile(version);
        try {
            return ManifestCodec.decode(file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new StorageException(StorageErrors.INVALID_PARAMETER,
                    "version " + version + " is not available (never committed, or removed by vacuum)");
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every published version still on disk, oldest first. */
    public List<Long> versions() {
        try (Stream<Path> files = Files.list(layout.catalogDirectory())) {
            return files.map(DataLayout::manifestVersion)
                    .filter(OptionalLong::isPresent)
                    .map(OptionalLong::getAsLong)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot list " + layout.catalogDirectory() + ": " + e.getMessage(), e);
        }
    }

    public void delete(long version) {
        try {
            Files.deleteIfExists(layout.manifestFile(version));
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot delete manifest version " + version + ": " + e.getMessage(), e);
        }
    }

    /** Removes temporary files a crash left between writing and renaming. */
    public void removeTemporaryFiles() {
        try (Stream<Path> files = Files.list(layout.catalogDirectory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(DataLayout.TEMPORARY_SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot clean " + layout.catalogDirectory() + ": " + e.getMessage(), e);
        }
    }
}
