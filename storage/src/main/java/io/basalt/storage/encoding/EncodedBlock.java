package io.basalt.storage.encoding;

/**
 * One block encoded but not yet compressed: {@code bytes[0, length)} is the block body (flags, optional
 * null bitmap, payload) laid out as described in {@code docs/storage-format.md}.
 */
public record EncodedBlock(EncodingKind encoding, byte[] bytes, int length) {
}
