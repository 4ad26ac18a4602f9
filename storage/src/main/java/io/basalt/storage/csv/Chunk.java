package io.basalt.storage.csv;

/**
 * A run of whole records, {@code data[start, end)}, that parses on its own: it begins at the start of a
 * record and ends after a record's newline (or at the end of the file). {@code firstLine} is the 1-based
 * physical line on which it begins, so errors inside it can name absolute lines. Chunks are numbered in file
 * order from 0; results are delivered in that order.
 */
record Chunk(int index, byte[] data, int start, int end, long firstLine) {
}
