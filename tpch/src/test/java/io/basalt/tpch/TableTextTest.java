package io.basalt.tpch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TableTextTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void generatingInPartsOnSeveralThreadsWritesTheSameBytesAsOnePass() throws IOException {
        for (String table : new String[] {"lineitem", "orders", "partsupp", "customer"}) {
            byte[] whole = text(table, 1);
            AtomicLong rows = new AtomicLong();
            ByteArrayOutputStream parts = new ByteArrayOutputStream();
            long written = TableText.write(table, 0.01, 7, parts, workers, 2, rows);
            assertThat(parts.toByteArray()).as(table).isEqualTo(whole);
            assertThat(written).isEqualTo(rows.get()).isEqualTo(whole.length == 0 ? 0 : countLines(whole));
        }
    }

    @Test
    void partsKeepAbout100kRowsAndNeverOutnumberTheRowsTheyCut() {
        assertThat(TableText.partCount("lineitem", 0.01)).isEqualTo(1);
        assertThat(TableText.partCount("lineitem", 1)).isEqualTo(60);
        assertThat(TableText.partCount("lineitem", 100)).isEqualTo(6000);
        assertThat(TableText.partCount("supplier", 100)).isEqualTo(10);
        assertThat(TableText.partCount("nation", 100)).isEqualTo(1);
        assertThat(TableText.estimatedRows("orders", 0.1)).isEqualTo(150_000);
    }

    private byte[] text(String table, int parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableText.write(table, 0.01, parts, out, workers, 1, new AtomicLong());
        return out.toByteArray();
    }

    private static long countLines(byte[] text) {
        long lines = 0;
        for (byte b : text) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
