package io.basalt.jdbc.protocol;

import io.basalt.jdbc.spi.BooleanColumn;
import io.basalt.jdbc.spi.DecimalColumn;
import io.basalt.jdbc.spi.DoubleColumn;
import io.basalt.jdbc.spi.LongColumn;
import io.basalt.jdbc.spi.NullColumn;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.TextColumn;
import io.basalt.jdbc.spi.TypedNull;
import io.basalt.jdbc.spi.WideDecimalColumn;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecTest {

    @Test
    void aSliceOfABatchRoundTripsWithNulls() throws Exception {
        BigInteger wide = new BigInteger("-123456789012345678901234567");
        ResultBatch batch = new ResultBatch(4,
                new LongColumn(new long[] {1, 2, 3, 4, 99}, new boolean[] {false, true, false, false}),
                new DecimalColumn(new long[] {100, 250, -5, 0}, 2, null),
                new WideDecimalColumn(new long[] {0, WideDecimalColumn.highWord(wide), 0, 0},
                        new long[] {0, WideDecimalColumn.lowWord(wide), 0, 0}, 3, null),
                new DoubleColumn(new double[] {0.5, Double.NaN, -0.0, 1e300}, null),
                new BooleanColumn(new boolean[] {true, false, true, true}, new boolean[] {false, false, true, false}),
                TextColumn.of("a", "héllo", null, ""),
                new NullColumn());
        MessageWriter writer = new MessageWriter(MessageTypes.DATA_BATCH);
        BatchCodec.write(writer, batch, 1, 3);
        ResultBatch read = BatchCodec.read(writer.toFrame().reader());
        assertThat(read.rowCount()).isEqualTo(3);
        assertThat(read.column(0).isNull(0)).isTrue();
        assertThat(((LongColumn) read.column(0)).get(1)).isEqualTo(3);
        assertThat(((DecimalColumn) read.column(1)).get(0)).isEqualByComparingTo("2.50");
        assertThat(((WideDecimalColumn) read.column(2)).unscaled(0)).isEqualTo(wide);
        assertThat(((DoubleColumn) read.column(3)).values()[0]).isNaN();
        assertThat(Double.doubleToRawLongBits(((DoubleColumn) read.column(3)).values()[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(((BooleanColumn) read.column(4)).values()[0]).isFalse();
        assertThat(read.column(4).isNull(1)).isTrue();
        assertThat(((TextColumn) read.column(5)).get(0)).isEqualTo("héllo");
        assertThat(read.column(5).isNull(1)).isTrue();
        assertThat(((TextColumn) read.column(5)).get(2)).isEmpty();
        assertThat(read.column(6).isNull(2)).isTrue();
    }

    @Test
    void parameterValuesRoundTrip() throws Exception {
        List<Object> values = Arrays.asList(null, TypedNull.of(Types.DATE), true, (byte) -3, (short) 300, 70_000, 1L << 40,
                new BigDecimal("-12345678901234567890.123"), 1.5f, 2.5d, "text ✓", LocalDate.of(1, 1, 1),
                LocalTime.of(23, 59, 59, 999_999_999), LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789_000));
        MessageWriter writer = new MessageWriter(MessageTypes.QUERY);
        ValueCodec.writeValues(writer, values);
        MessageReader reader = writer.toFrame().reader();
        List<Object> read = ValueCodec.readValues(reader);
        reader.expectEnd();
        assertThat(read).isEqualTo(values);
    }

    @Test
    void errorsKeepStateMessageAndPosition() throws Exception {
        MessageWriter writer = ErrorCodec.error("42601", "syntax error at \"SELEC\"", 2, 7);
        SQLException error = ErrorCodec.readError(writer.toFrame().reader());
        assertThat(error.getSQLState()).isEqualTo("42601");
        assertThat(((io.basalt.jdbc.spi.BasaltSQLException) error).getPosition().get().column()).isEqualTo(7);
    }

    @Test
    void bulkLongsAndDoublesAreTheBytesOfSingleOnes() throws Exception {
        long[] longs = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L};
        double[] doubles = {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, 1.5e300};
        MessageWriter bulk = new MessageWriter(MessageTypes.OK).putLongs(longs, 1, 4).putDoubles(doubles, 0, 5);
        MessageWriter single = new MessageWriter(MessageTypes.OK);
        for (int i = 1; i < 5; i++) {
            single.putLong(longs[i]);
        }
        for (double value : doubles) {
            single.putDouble(value);
        }
        assertThat(bulk.toFrame().payload()).isEqualTo(single.toFrame().payload());
        MessageReader reader = bulk.toFrame().reader();
        assertThat(reader.getLongs(4)).containsExactly(-1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L);
        assertThat(reader.getDoubles(5)).containsExactly(doubles);
        reader.expectEnd();
        // more values than the payload holds fail before allocating them
        assertThatThrownBy(() -> bulk.toFrame().reader().getLongs(10)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> bulk.toFrame().reader().getDoubles(Integer.MAX_VALUE)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void malformedFramesAreProtocolErrors() throws IOException {
        assertThatThrownBy(() -> reader(new byte[] {'Q', 0, 0, 0, 9, 1, 2}).read())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated frame");
        assertThatThrownBy(() -> reader(new byte[] {'Q', (byte) 0xff, 0, 0, 0}).read())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("declares a payload");
        assertThatThrownBy(() -> reader(new byte[] {'Q', 0, 0}).read())
                .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated frame header");
        assertThat(reader(new byte[0]).read()).isNull();
        // a batch claiming more rows than its bytes can hold fails before allocating them
        MessageWriter lying = new MessageWriter(MessageTypes.DATA_BATCH).putInt(Integer.MAX_VALUE).putShort(1).putByte(2).putByte(0);
        assertThatThrownBy(() -> BatchCodec.read(lying.toFrame().reader())).isInstanceOf(ProtocolException.class);
        MessageWriter trailing = new MessageWriter(MessageTypes.OK).putByte(1);
        assertThatThrownBy(() -> trailing.toFrame().reader().expectEnd()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void framesSurviveAStream() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MessageWriter(MessageTypes.PING).writeTo(bytes);
        new MessageWriter(MessageTypes.QUERY).putString("SELECT 1").writeTo(bytes);
        FrameReader reader = reader(bytes.toByteArray());
        assertThat(reader.read().type()).isEqualTo(MessageTypes.PING);
        assertThat(reader.read().reader().getString()).isEqualTo("SELECT 1");
        assertThat(reader.read()).isNull();
    }

    @Test
    void scramProvesThePasswordWithoutSendingIt() throws ProtocolException {
        byte[] salt = ScramSha256.randomBytes(16);
        byte[] salted = ScramSha256.saltedPassword("pencil", salt, 4096);
        byte[] storedKey = ScramSha256.storedKey(ScramSha256.clientKey(salted));
        ScramClient client = new ScramClient("user", "pencil", "fyko+d2lbbFgONRv9qkxdawL");
        String clientFirst = client.clientFirst();
        assertThat(clientFirst).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
        String serverFirst = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=" + ScramSha256.base64(salt) + ",i=4096";
        String clientFinal = client.clientFinal(serverFirst);
        assertThat(clientFinal).doesNotContain("pencil");
        String withoutProof = clientFinal.substring(0, clientFinal.lastIndexOf(",p="));
        String authMessage = clientFirst.substring(3) + "," + serverFirst + "," + withoutProof;
        byte[] proof = ScramSha256.fromBase64(clientFinal.substring(clientFinal.lastIndexOf(",p=") + 3));
        assertThat(ScramSha256.verifyClientProof(proof, storedKey, authMessage)).isTrue();
        client.verifyServerFinal("v=" + ScramSha256.base64(ScramSha256.serverSignature(ScramSha256.serverKey(salted), authMessage)));
        assertThatThrownBy(() -> client.verifyServerFinal("v=" + ScramSha256.base64(new byte[32])))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new ScramClient("u", "p", "abc").clientFinal("r=zzz,s=AAAA,i=4096"))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> new ScramClient("u", "p", "abc").clientFinal("r=abcd,s=AAAA,i=10"))
                .hasMessageContaining("iterations");
    }

    private static FrameReader reader(byte[] bytes) {
        return new FrameReader(new ByteArrayInputStream(bytes), 1 << 20);
    }
}
