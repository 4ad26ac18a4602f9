package io.basalt.storage.compress;

/**
 * How a block's encoded bytes are compressed on disk. The {@link #id()} is written into segment files, so
 * it must never change once released; new codecs get new ids.
 */
public enum Compression {
    NONE(0),
    LZ4(1),
    ZSTD(2);

    private final int id;

    Compression(int id) {
        this.id = id;
    }

    /** The byte written to disk for this compression. */
    public int id() {
        return id;
    }

    /** The codec that implements this compression; codecs are stateless and safe to share between threads. */
    public BlockCodec codec() {
        return switch (this) {
            case NONE -> IdentityCodec.INSTANCE;
            case LZ4 -> Lz4Codec.INSTANCE;
            case ZSTD -> ZstdCodec.DEFAULT;
        };
    }

    /** The compression with this on-disk id, or {@code null} if the id is unknown (the caller reports corruption). */
    public static Compression fromId(int id) {
        for (Compression compression : values()) {
            if (compression.id == id) {
                return compression;
            }
        }
        return null;
    }
}
