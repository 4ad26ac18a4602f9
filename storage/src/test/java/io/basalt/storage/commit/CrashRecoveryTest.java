package io.basalt.storage.commit;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.table.TableReader;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a committing child JVM with SIGKILL at random moments, over and over, and checks after each kill
 * that the reopened database holds every acknowledged commit, whole, and nothing of any commit that did not
 * happen. Kills land during appends, deletes, compaction, vacuum and opening.
 */
class CrashRecoveryTest {

    private static final int KILLS = 110;

    @TempDir
    Path directory;

    /**
     * The children's temporary directory: a killed JVM leaves behind what it meant to delete at exit (lz4-java's
     * extracted native library, 160 kB a child), which here goes with the test's directory instead of staying in /tmp.
     */
    @TempDir
    Path childTemporaryFiles;

    private String history = "";

    @Test
    void everyAcknowledgedCommitSurvivesSigkill() throws Exception {
        Random random = new Random(20261121);
        Set<Long> committed = new HashSet<>();
        int killsAfterWork = 0;
        int killsAfterCommit = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            AtomicLong lastAck = new AtomicLong(-1);
            Process child = startChild();
            CountDownLatch ready = new CountDownLatch(1);
            Thread reader = readAcks(child, lastAck, committed, ready);
            if (kill % 10 == 9) {
                Thread.sleep(random.nextInt(400)); // somewhere in JVM start-up or opening the directory
            } else {
                while (!ready.await(100, TimeUnit.MILLISECONDS)) {
                    assertThat(child.isAlive()).as("child process is running (see its stderr above)").isTrue();
                }
                if (kill % 2 == 1) {
                    // Half the kills land after this run's first commit, however slow the machine: the test then
                    // checks recovery of real commits instead of counting on how many fit in a fixed time.
                    awaitFirstAck(child, lastAck);
                    killsAfterCommit++;
                }
                Thread.sleep(random.nextInt(600));
                killsAfterWork++;
            }
            // SIGKILL through the process handle: Process.destroyForcibly() would also close our end of the
            // child's stdout, dropping acknowledgements the child wrote that we had not read yet.
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(reader.isAlive()).as("ack reader finished").isFalse();
            history = "kill " + kill + (kill % 10 == 9 ? " (during start-up)" : "") + ", last ack this run " + lastAck.get();
            verify(committed);
        }
        assertThat(killsAfterWork).isGreaterThanOrEqualTo(99);
        assertThat(committed.size()).as("commits acknowledged over all runs").isGreaterThanOrEqualTo(killsAfterCommit);
    }

    private static void awaitFirstAck(Process child, AtomicLong lastAck) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lastAck.get() < 0 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(5);
        }
        assertThat(lastAck.get()).as("a commit acknowledged within 60 s of the child being ready").isGreaterThanOrEqualTo(0);
    }

    private Process startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + childTemporaryFiles, "-cp", testClassPath(), CommitLoopProcess.class.getName(),
                directory.toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    /** Surefire runs tests from a manifest-only jar; the real class path is in its own property. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Thread readAcks(Process child, AtomicLong lastAck, Set<Long> committed, CountDownLatch ready) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("READY")) {
                        ready.countDown();
                    } else if (line.startsWith("ACK ")) {
                        long commit = Long.parseLong(line.substring(4).trim());
                        if (committed.contains(commit)) {
                            System.err.println("acknowledged twice: " + commit);
                        }
                        synchronized (committed) {
                            committed.add(commit);
                        }
                        lastAck.set(commit);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the child was killed mid-line; what was read is what was acknowledged
            }
        });
        thread.start();
        return thread;
    }

    private void verify(Set<Long> committed) {
        Map<Long, long[]> groups = new HashMap<>(); // commit -> {rows, nulls}
        try (StorageEngine engine = StorageEngine.open(directory)) {
            Manifest manifest = engine.current();
            if (manifest.table(Manifest.DEFAULT_SCHEMA, CommitLoopProcess.TABLE).isEmpty()) {
                assertThat(committed).as("no table yet, so nothing can have been acknowledged").isEmpty();
                return;
            }
            long tableId = manifest.table(Manifest.DEFAULT_SCHEMA, CommitLoopProcess.TABLE).get().tableId();
            TableReader.scan(engine.layout(), manifest, tableId, new int[] {0, 1}, batch -> {
                LongVector commits = (LongVector) batch.column(0);
                BytesVector payloads = (BytesVector) batch.column(1);
                for (int i = 0; i < batch.rowCount(); i++) {
                    long[] counts = groups.computeIfAbsent(commits.get(i), c -> new long[2]);
                    counts[0]++;
                    if (payloads.isNull(i)) {
                        counts[1]++;
                    } else {
                        assertThat(payloads.getString(i)).startsWith("commit " + commits.get(i) + " row ");
                    }
                }
            });
        }
        long maxAcknowledged = committed.stream().mapToLong(Long::longValue).max().orElse(0);
        // The commit in flight at the kill may have been published without being acknowledged; every commit
        // appends rows, so its rows tell whether it was.
        long inFlight = maxAcknowledged + 1;
        if (groups.containsKey(inFlight)) {
            committed.add(inFlight);
        }
        for (Map.Entry<Long, long[]> group : groups.entrySet()) {
            long commit = group.getKey();
            assertThat(committed.contains(commit)).as("rows of commit %d exist, so it must have been committed (%s; newest "
                    + "acknowledged: %d, commits present: %s)", commit, history, maxAcknowledged, new java.util.TreeSet<>(groups.keySet())
                    .descendingSet().stream().limit(8).toList()).isTrue();
            long rows = CommitLoopProcess.rowsOf(commit);
            assertThat(group.getValue()[0]).as("rows of commit %d (no partial commits)", commit).isEqualTo(rows);
            assertThat(group.getValue()[1]).as("null payloads of commit %d", commit).isEqualTo(rows / 10);
        }
        for (long commit : committed) {
            long deleter = commit + 3;
            boolean deleted = CommitLoopProcess.deletesEarlier(deleter) && committed.contains(deleter);
            if (deleted) {
                assertThat(groups).as("commit %d was deleted by committed commit %d", commit, deleter).doesNotContainKey(commit);
            } else {
                assertThat(groups).as("acknowledged commit %d must survive", commit).containsKey(commit);
            }
        }
    }
}
