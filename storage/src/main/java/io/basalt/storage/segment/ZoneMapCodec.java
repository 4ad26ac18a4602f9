package io.basalt.storage.segment;

import io.basalt.storage.encoding.BlockFormatException;
import io.basalt.storage.encoding.ByteSink;
import io.basalt.storage.encoding.ByteSource;
import io.basalt.storage.type.PhysicalKind;

import java.util.Arrays;

/**
 * Writes and reads zone maps in the footer. The row count is not stored here (the block or column it
 * belongs to already records it). Layout, after {@code u32 nullCount}:
 * <ul>
 *   <li>LONG, BOOLEAN: {@code i64 min, i64 max}</li>
 *   <li>DOUBLE: {@code f64 min, f64 max, u8 hasNaN}</li>
 *   <li>INT128: {@code i64 minHigh, i64 minLow, i64 maxHigh, i64 maxLow}</li>
 *   <li>BYTES: {@code u8 flags (bit 0: max unbounded), u8 minLength, min, u8 maxLength, max}</li>
 * </ul>
 */
final class ZoneMapCodec {

    private static final int MAX_UNBOUNDED = 1;

    private ZoneMapCodec() {
    }

    static void write(ByteSink out, ZoneMap zoneMap) {
        out.writeInt(zoneMap.nullCount());
        if (zoneMap instanceof LongZoneMap z) {
            out.writeLong(z.min());
            out.writeLong(z.max());
        } else if (zoneMap instanceof DoubleZoneMap z) {
            out.writeDouble(z.min());
            out.writeDouble(z.max());
            out.writeByte(z.hasNaN() ? 1 : 0);
        } else if (zoneMap instanceof Int128ZoneMap z) {
            out.writeLong(z.minHigh());
            out.writeLong(z.minLow());
            out.writeLong(z.maxHigh());
            out.writeLong(z.maxLow());
        } else {
            BytesZoneMap z = (BytesZoneMap) zoneMap;
            byte[] min = z.min();
            byte[] max = z.hasUpperBound() ? z.max() : new byte[0];
            out.writeByte(z.hasUpperBound() ? 0 : MAX_UNBOUNDED);
            out.writeByte(min.length);
            out.writeBytes(min);
            out.writeByte(max.length);
            out.writeBytes(max);
        }
    }

    static ZoneMap read(ByteSource in, PhysicalKind kind, int rowCount) {
        int nullCount = in.readCount("zone map null count", 0, rowCount);
        try {
            return switch (kind) {
                case LONG -> new LongZoneMap(rowCount, nullCount, in.readLong("zone map min"), in.readLong("zone map max"));
                case BOOLEAN -> booleans(rowCount, nullCount, in.readLong("zone map min"), in.readLong("zone map max"));
                case DOUBLE -> new DoubleZoneMap(rowCount, nullCount, in.readDouble("zone map min"),
                        in.readDouble("zone map max"), readFlag(in));
                case INT128 -> new Int128ZoneMap(rowCount, nullCount, in.readLong("zone map min"), in.readLong("zone map min"),
                        in.readLong("zone map max"), in.readLong("zone map max"));
                case BYTES -> bytes(in, rowCount, nullCount);
            };
        } catch (IllegalArgumentException e) {
            throw new BlockFormatException("inconsistent zone map: " + e.getMessage());
        }
    }

    private static ZoneMap booleans(int rowCount, int nullCount, long min, long max) {
        if (min < 0 || max > 1) {
            throw new BlockFormatException("boolean zone map bounds " + min + ", " + max + " are not 0 or 1");
        }
        return new LongZoneMap(rowCount, nullCount, min, max);
    }

    private static boolean readFlag(ByteSource in) {
        int flag = in.readUnsignedByte("zone map NaN flag");
        if (flag > 1) {
            throw new BlockFormatException("zone map NaN flag is " + flag);
        }
        return flag == 1;
    }

    private static ZoneMap bytes(ByteSource in, int rowCount, int nullCount) {
        int flags = in.readUnsignedByte("zone map flags");
        if ((flags & ~MAX_UNBOUNDED) != 0) {
            throw new BlockFormatException("unknown zone map flags " + flags);
        }
        byte[] min = readBound(in);
        byte[] max = readBound(in);
        if ((flags & MAX_UNBOUNDED) != 0) {
            if (max.length != 0) {
                throw new BlockFormatException("unbounded zone map max has " + max.length + " bytes");
            }
            max = null;
        }
        return new BytesZoneMap(rowCount, nullCount, min, max);
    }

    private static byte[] readBound(ByteSource in) {
        int length = in.readUnsignedByte("zone map bound length");
        if (length > BytesZoneMap.MAX_BOUND_BYTES) {
            throw new BlockFormatException("zone map bound of " + length + " bytes, at most "
                    + BytesZoneMap.MAX_BOUND_BYTES + " allowed");
        }
        int start = in.skip(length, "zone map bound");
        return Arrays.copyOfRange(in.array(), start, start + length);
    }
}
