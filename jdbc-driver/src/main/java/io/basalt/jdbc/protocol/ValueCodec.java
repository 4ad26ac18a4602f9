package io.basalt.jdbc.protocol;

import io.basalt.jdbc.spi.TypedNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed parameter values: a tag byte naming the type, then the value (docs/protocol.md, "Values"). These are exactly
 * the classes the transport SPI hands a session, so a value crosses the wire as the embedded session would see it.
 */
public final class ValueCodec {

    public static final int NULL = 0;
    public static final int TYPED_NULL = 1;
    public static final int BOOLEAN = 2;
    public static final int TINYINT = 3;
    public static final int SMALLINT = 4;
    public static final int INTEGER = 5;
    public static final int BIGINT = 6;
    public static final int DECIMAL = 7;
    public static final int REAL = 8;
    public static final int DOUBLE = 9;
    public static final int TEXT = 10;
    public static final int DATE = 11;
    public static final int TIME = 12;
    public static final int TIMESTAMP = 13;

    private ValueCodec() {
    }

    /** An int16 count and the values. */
    public static void writeValues(MessageWriter writer, List<Object> values) throws SQLFeatureNotSupportedException {
        writer.putShort(values.size());
        for (Object value : values) {
            writeValue(writer, value);
        }
    }

    public static List<Object> readValues(MessageReader reader) throws ProtocolException {
        int count = reader.getShort() & 0xffff;
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readValue(reader));
        }
        return values;
    }

    public static void writeValue(MessageWriter writer, Object value) throws SQLFeatureNotSupportedException {
        if (value == null) {
            writer.putByte(NULL);
        } else if (value instanceof TypedNull) {
            writer.putByte(TYPED_NULL).putInt(((TypedNull) value).sqlType());
        } else if (value instanceof Boolean) {
            writer.putByte(BOOLEAN).putBoolean((Boolean) value);
        } else if (value instanceof Byte) {
            writer.putByte(TINYINT).putByte((Byte) value);
        } else if (value instanceof Short) {
            writer.putByte(SMALLINT).putShort((Short) value);
        } else if (value instanceof Integer) {
            writer.putByte(INTEGER).putInt((Integer) value);
        } else if (value instanceof Long) {
            writer.putByte(BIGINT).putLong((Long) value);
        } else if (value instanceof BigDecimal) {
            BigDecimal decimal = (BigDecimal) value;
            writer.putByte(DECIMAL).putInt(decimal.scale()).putBytes(decimal.unscaledValue().toByteArray());
        } else if (value instanceof Float) {
            writer.putByte(REAL).putInt(Float.floatToRawIntBits((Float) value));
        } else if (value instanceof Double) {
            writer.putByte(DOUBLE).putDouble((Double) value);
        } else if (value instanceof String) {
            writer.putByte(TEXT).putString((String) value);
        } else if (value instanceof LocalDate) {
            writer.putByte(DATE).putLong(((LocalDate) value).toEpochDay());
        } else if (value instanceof LocalTime) {
            writer.putByte(TIME).putLong(((LocalTime) value).toNanoOfDay());
        } else if (value instanceof LocalDateTime) {
            LocalDateTime timestamp = (LocalDateTime) value;
            writer.putByte(TIMESTAMP).putLong(timestamp.toEpochSecond(ZoneOffset.UTC)).putInt(timestamp.getNano());
        } else {
            throw new SQLFeatureNotSupportedException("the wire protocol has no encoding for a parameter of class "
                    + value.getClass().getName(), "0A000");
        }
    }

    public static Object readValue(MessageReader reader) throws ProtocolException {
        int tag = reader.getByte();
        switch (tag) {
            case NULL:
                return null;
            case TYPED_NULL:
                return TypedNull.of(reader.getInt());
            case BOOLEAN:
                return reader.getBoolean();
            case TINYINT:
                return (byte) reader.getByte();
            case SMALLINT:
                return (short) reader.getShort();
            case INTEGER:
                return reader.getInt();
            case BIGINT:
                return reader.getLong();
            case DECIMAL:
                int scale = reader.getInt();
                byte[] unscaled = reader.getBytes();
                if (unscaled.length == 0) {
                    throw new ProtocolException("a DECIMAL value needs at least one byte of unscaled value");
                }
                return new BigDecimal(new BigInteger(unscaled), scale);
            case REAL:
                return Float.intBitsToFloat(reader.getInt());
            case DOUBLE:
                return reader.getDouble();
            case TEXT:
                return reader.getRequiredString("a TEXT value");
            case DATE:
                return LocalDate.ofEpochDay(checkedDay(reader.getLong()));
            case TIME:
                return time(reader.getLong());
            case TIMESTAMP:
                return timestamp(reader.getLong(), reader.getInt());
            default:
                throw new ProtocolException("unknown value tag " + tag);
        }
    }

    private static long checkedDay(long day) throws ProtocolException {
        // LocalDate's own range, checked here so a bad value is a protocol error rather than a DateTimeException
        if (day < LocalDate.MIN.toEpochDay() || day > LocalDate.MAX.toEpochDay()) {
            throw new ProtocolException("DATE value out of range: day " + day);
        }
        return day;
    }

    private static LocalTime time(long nanos) throws ProtocolException {
        if (nanos < 0 || nanos >= 86_400_000_000_000L) {
            throw new ProtocolException("TIME value out of range: " + nanos + " ns");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    private static LocalDateTime timestamp(long seconds, int nanos) throws ProtocolException {
        try {
            return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new ProtocolException("TIMESTAMP value out of range: " + seconds + " s, " + nanos + " ns");
        }
    }
}
