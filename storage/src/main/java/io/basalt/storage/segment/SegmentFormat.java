package io.basalt.storage.segment;

import java.nio.charset.StandardCharsets;

/** The fixed parts of a segment file; see "Segment files" in {@code docs/storage-format.md}. */
final class SegmentFormat {

    /** Starts and ends every segment file, so a truncated or foreign file is recognised at once. */
    static final byte[] MAGIC = "BASALTSG".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    /** {@code magic(8) u32 version u32 reserved}. */
    static final int HEADER_BYTES = 16;
    /** {@code u32 footerLength u32 footerCrc32c magic(8)}. */
    static final int TAIL_BYTES = 16;

    private SegmentFormat() {
    }
}
