package io.basalt.server;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.commit.IndexData;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.segment.BlockInfo;
import io.basalt.storage.segment.SegmentReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Index scans: chosen by cost, shown by EXPLAIN, and always giving the table scan's result. */
class IndexScanTest {

    @TempDir
    Path directory;

    @Test
    void aSelectiveRangeOnTheLeadingKeyReadsTheIndexAndTheSettingTurnsItOff() {
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            fill(session, 20_000, new Random(7));
            session.execute("CREATE INDEX t_k ON t (k) INCLUDE (v)");

            assertThat(explain(session, "SELECT v FROM t WHERE k = 17")).contains("IndexScan(index=t_k, range=(k = 17))");
            assertThat(explain(session, "SELECT v FROM t WHERE k BETWEEN 10 AND 12")).contains("IndexScan(index=t_k");
            // not covered (s is not in the index), not selective, or not on the leading key: the table
            assertThat(explain(session, "SELECT s FROM t WHERE k = 17")).doesNotContain("IndexScan");
            assertThat(explain(session, "SELECT v FROM t WHERE k > -5")).doesNotContain("IndexScan");
            assertThat(explain(session, "SELECT k FROM t WHERE v = 3")).doesNotContain("IndexScan");

            session.execute("SET enable_indexscan = off");
            assertThat(explain(session, "SELECT v FROM t WHERE k = 17")).doesNotContain("IndexScan");
            session.execute("SET enable_indexscan TO DEFAULT");
            assertThat(explain(session, "SELECT v FROM t WHERE k = 17")).contains("IndexScan");
        }
    }

    @Test
    void indexAndTableScansAgreeOnRandomDataWithNullsAndDuplicates() {
        Random random = new Random(42);
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            fill(session, 5_000, random);
            session.execute("CREATE INDEX t_k ON t (k) INCLUDE (v, s)");
            session.execute("CREATE INDEX t_s_desc ON t (s DESC, k)");
            session.execute("CREATE INDEX t_v_k ON t (v, k) INCLUDE (s)");
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int low = random.nextInt(120) - 10;
                int high = low + random.nextInt(8);
                String word = "w" + random.nextInt(60);
                queries.add("SELECT k, v, s FROM t WHERE k = " + low);
                queries.add("SELECT k, v FROM t WHERE k BETWEEN " + low + " AND " + high);
                queries.add("SELECT v, s FROM t WHERE k < " + low / 10 + " AND v IS NOT NULL");
                queries.add("SELECT k, s FROM t WHERE k IN (" + low + ", " + high + ", NULL)");
                queries.add("SELECT s, k FROM t WHERE s = '" + word + "'");
                queries.add("SELECT s, k FROM t WHERE s >= '" + word + "' AND s < '" + word + "5'");
                queries.add("SELECT k, v, s FROM t WHERE v = " + (low % 25) + " AND k > " + high);
                queries.add("SELECT count(*), sum(v) FROM t WHERE k >= " + low + " AND k <= " + high);
            }
            int indexScans = 0;
            for (String query : queries) {
                session.execute("SET enable_indexscan = on");
                indexScans += explain(session, query).contains("IndexScan") ? 1 : 0;
                List<List<String>> withIndexes = sorted(ResultRows.text(session.execute(query)));
                session.execute("SET enable_indexscan = off");
                List<List<String>> withoutIndexes = sorted(ResultRows.text(session.execute(query)));
                assertThat(withIndexes).as(query).isEqualTo(withoutIndexes);
            }
            assertThat(indexScans).as("queries that read an index").isGreaterThan(queries.size() / 2);

            // After writes the index is rebuilt with the commit; inside a transaction it is stale and not read.
            session.execute("SET enable_indexscan = on");
            session.execute("DELETE FROM t WHERE k % 3 = 0");
            session.execute("UPDATE t SET k = k + 1000 WHERE v = 4");
            session.execute("BEGIN");
            session.execute("INSERT INTO t VALUES (7, 7, 'w7'), (NULL, 7, NULL)");
            List<List<String>> inTransaction = sorted(ResultRows.text(session.execute("SELECT k, v, s FROM t WHERE k = 7")));
            session.execute("COMMIT");
            assertThat(sorted(ResultRows.text(session.execute("SELECT k, v, s FROM t WHERE k = 7")))).isEqualTo(inTransaction);
            for (String query : queries) {
                session.execute("SET enable_indexscan = on");
                List<List<String>> withIndexes = sorted(ResultRows.text(session.execute(query)));
                session.execute("SET enable_indexscan = off");
                assertThat(withIndexes).as(query).isEqualTo(sorted(ResultRows.text(session.execute(query))));
            }
        }
    }

    @Test
    void aDamagedIndexFailsTheQueriesThatReadItAsCorrupt() throws IOException {
        try (Database database = Database.open(directory); Session session = database.newSession()) {
            fill(session, 2_000, new Random(3));
            session.execute("CREATE INDEX t_k ON t (k) INCLUDE (v)");
            TableEntry table = database.storage().current().table("main", "t").orElseThrow();
            IndexData data = table.indexData().get(0);
            Path file = database.storage().layout().indexSegmentFile(table.tableId(), data.indexId(), data.segmentId());
            BlockInfo block;
            try (SegmentReader reader = SegmentReader.open(file)) {
                block = reader.footer().blocks(0).get(0); // the first block of the leading key
            }
            try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
                long position = block.fileOffset() + block.storedLength() / 2;
                raw.seek(position);
                int value = raw.read();
                raw.seek(position);
                raw.write(value ^ 0x5A);
            }
            assertThat(explain(session, "SELECT v FROM t WHERE k = 17")).contains("IndexScan");
            List<List<String>> expected;
            session.execute("SET enable_indexscan = off");
            expected = ResultRows.text(session.execute("SELECT v FROM t WHERE k = 17"));
            session.execute("SET enable_indexscan = on");
            assertThatThrownBy(() -> ResultRows.text(session.execute("SELECT v FROM t WHERE k = 17")))
                    .isInstanceOf(ExecutionException.class)
                    .extracting(e -> ((ExecutionException) e).sqlState()).isEqualTo("XX001");
            assertThat(expected).isNotEmpty();
        }
    }

    /** t (k INT, v INT, s TEXT): k in -10..109 with duplicates, about a tenth of each column NULL. */
    private static void fill(Session session, int rows, Random random) {
        session.execute("CREATE TABLE t (k INT, v INT, s TEXT)");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            values.append(i == 0 ? "" : ", ").append('(')
                    .append(random.nextInt(10) == 0 ? "NULL" : Integer.toString(random.nextInt(120) - 10)).append(", ")
                    .append(random.nextInt(10) == 0 ? "NULL" : Integer.toString(random.nextInt(25))).append(", ")
                    .append(random.nextInt(10) == 0 ? "NULL" : "'w" + random.nextInt(60) + "'").append(')');
        }
        session.execute("INSERT INTO t VALUES " + values);
        session.execute("ANALYZE t");
    }

    private static String explain(Session session, String query) {
        return ResultRows.text(session.execute("EXPLAIN " + query)).toString();
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
