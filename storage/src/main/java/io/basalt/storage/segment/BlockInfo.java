package io.basalt.storage.segment;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.EncodingKind;

/**
 * Where one block of a column lives and what it holds: rows {@code [rowOffset, rowOffset + rowCount)} of
 * the segment, stored at {@code [fileOffset, fileOffset + storedLength)} of the file, CRC32C {@code crc}
 * over those stored bytes, which expand to {@code uncompressedLength} bytes of block body under
 * {@code compression}. Blocks of different columns need not start at the same rows.
 */
public record BlockInfo(int rowOffset, int rowCount, long fileOffset, int storedLength, int uncompressedLength,
                        EncodingKind encoding, Compression compression, ZoneMap zoneMap, int crc) {
}
