package io.basalt.execution.expression;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSearchTest {

    private static int naiveIndexOf(byte[] data, int start, int end, byte[] needle) {
        for (int position = start; position + needle.length <= end; position++) {
            int matched = 0;
            while (matched < needle.length && data[position + matched] == needle[matched]) {
                matched++;
            }
            if (matched == needle.length) {
                return position;
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstOccurrenceInsideTheRangeOnly() {
        byte[] data = "xx special requests, special requests".getBytes(StandardCharsets.UTF_8);
        ByteSearch special = new ByteSearch("special".getBytes(StandardCharsets.UTF_8));
        assertThat(special.indexOf(data, 0, data.length)).isEqualTo(3);
        assertThat(special.indexOf(data, 4, data.length)).isEqualTo(21);
        // The occurrence at 21 ends at 28: a range ending one byte short does not hold it.
        assertThat(special.indexOf(data, 4, 27)).isEqualTo(-1);
        assertThat(special.indexOf(data, 4, 28)).isEqualTo(21);
        assertThat(special.indexOf(data, 5, 5)).isEqualTo(-1);
        assertThat(new ByteSearch(new byte[0]).indexOf(data, 5, 9)).isEqualTo(5);
    }

    /**
     * Random bytes over a tiny alphabet that includes 0x00, 0x01, 0x80 and 0xFF, so byte-wise zero tests
     * meet their borrow and sign cases; every range and needle agrees with a plain search.
     */
    @Test
    void randomRangesAgreeWithAPlainSearch() {
        Random random = new Random(8);
        byte[] alphabet = {0, 1, (byte) 0x80, (byte) 0xFF, 'a', 'b'};
        for (int round = 0; round < 20_000; round++) {
            byte[] data = new byte[random.nextInt(60)];
            for (int i = 0; i < data.length; i++) {
                data[i] = alphabet[random.nextInt(alphabet.length)];
            }
            // Needles of 1 to 5 bytes match by chance; longer ones (compared in 2-, 4- and 8-byte loads) are also
            // planted, whole or with one byte changed, so that near misses reach the full comparison.
            byte[] needle = new byte[1 + random.nextInt(round % 2 == 0 ? 5 : 20)];
            for (int i = 0; i < needle.length; i++) {
                needle[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (needle.length <= data.length && random.nextBoolean()) {
                int at = random.nextInt(data.length - needle.length + 1);
                System.arraycopy(needle, 0, data, at, needle.length);
                if (random.nextBoolean()) {
                    data[at + random.nextInt(needle.length)] ^= 1;
                }
            }
            int start = data.length == 0 ? 0 : random.nextInt(data.length);
            int end = start + random.nextInt(data.length - start + 1);
            assertThat(new ByteSearch(needle).indexOf(data, start, end))
                    .as("round %d", round)
                    .isEqualTo(naiveIndexOf(data, start, end, needle));
        }
    }
}
