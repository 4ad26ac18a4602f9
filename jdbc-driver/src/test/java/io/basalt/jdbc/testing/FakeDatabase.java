package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A scripted database for driver tests: each test creates one (a unique name, so tests do not interfere),
 * says how statements are answered, connects through the real driver with {@link #url()}, and then checks
 * what the sessions received and which hooks were called.
 */
public final class FakeDatabase {

    static final String NAME_PREFIX = "fake-";
    private static final Map<String, FakeDatabase> DATABASES = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final String name;
    private volatile StatementHandler handler = execution -> ExecutionResult.updateCount(0);
    private volatile BiFunction<ServerSession, String, PreparedHandle> preparer;
    private volatile boolean transactionsSupported = true;
    private volatile boolean valid = true;
    private volatile SQLException connectFailure;

    final List<Execution> executions = new CopyOnWriteArrayList<>();
    final List<String> transactionCalls = new CopyOnWriteArrayList<>();
    final List<Properties> connectProperties = new CopyOnWriteArrayList<>();
    final AtomicInteger cancels = new AtomicInteger();
    final AtomicInteger sessionsClosed = new AtomicInteger();
    private volatile CountDownLatch cancelled = new CountDownLatch(1);

    private FakeDatabase(String name) {
        this.name = name;
    }

    public static FakeDatabase create() {
        FakeDatabase database = new FakeDatabase(NAME_PREFIX + NEXT_ID.incrementAndGet());
        DATABASES.put(database.name, database);
        return database;
    }

    static FakeDatabase named(String name) {
        return DATABASES.get(name);
    }

    public String url() {
        return FakeTransport.URL_PREFIX + name.substring(NAME_PREFIX.length());
    }

    ServerSession openSession(String url, Properties info) throws SQLException {
        if (connectFailure != null) {
            throw connectFailure;
        }
        connectProperties.add(info);
        return new FakeSession(this);
    }

    // ---- scripting

    /** Answers every statement with {@code handler}. */
    public FakeDatabase answer(StatementHandler handler) {
        this.handler = handler;
        return this;
    }

    /** Makes prepare return what {@code preparer} builds (default: an UnanalyzedPreparedHandle). */
    public FakeDatabase prepareWith(BiFunction<ServerSession, String, PreparedHandle> preparer) {
        this.preparer = preparer;
        return this;
    }

    /** Makes the transaction hooks throw SQLFeatureNotSupportedException. */
    public FakeDatabase withoutTransactions() {
        this.transactionsSupported = false;
        return this;
    }

    public FakeDatabase invalid() {
        this.valid = false;
        return this;
    }

    public FakeDatabase failConnectWith(SQLException failure) {
        this.connectFailure = failure;
        return this;
    }

    StatementHandler handler() {
        return handler;
    }

    BiFunction<ServerSession, String, PreparedHandle> preparer() {
        return preparer;
    }

    boolean isValid() {
        return valid;
    }

    void transactionCall(String call) throws SQLException {
        if (!transactionsSupported) {
            throw SqlExceptionFactory.notSupported("the fake has no transactions");
        }
        transactionCalls.add(call);
    }

    void recordCancel() {
        cancels.incrementAndGet();
        cancelled.countDown();
    }

    // ---- what happened

    public List<Execution> executions() {
        return executions;
    }

    public Execution lastExecution() {
        return executions.get(executions.size() - 1);
    }

    public List<String> transactionCalls() {
        return transactionCalls;
    }

    public List<Properties> connectProperties() {
        return connectProperties;
    }

    public int cancelCount() {
        return cancels.get();
    }

    public int closedSessions() {
        return sessionsClosed.get();
    }

    /**
     * For handlers and cursors that stand for a long-running query: waits until a session is cancelled, then
     * fails as a cancelled query does (SQLSTATE 57014). Gives up after 30 seconds so a broken test cannot hang.
     */
    public SQLException awaitCancel() {
        try {
            if (!cancelled.await(30, TimeUnit.SECONDS)) {
                return SqlExceptionFactory.create(SqlStates.INTERNAL_ERROR, "the fake waited 30 s for a cancel");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return SqlExceptionFactory.queryCanceled("canceling statement due to user request");
    }
}
