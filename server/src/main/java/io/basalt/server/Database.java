package io.basalt.server;

import io.basalt.execution.spill.SpillSpace;
import io.basalt.optimizer.QueryPlanner;
import io.basalt.optimizer.statistics.SegmentStatisticsCache;
import io.basalt.server.jit.CompilerDirectives;
import io.basalt.server.query.QueryRunner;
import io.basalt.server.security.Authorization;
import io.basalt.server.security.Security;
import io.basalt.storage.StorageEngine;

import io.basalt.server.system.QueryLog;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open Basalt database: the one entry point every statement will run through, embedded (the shell,
 * in-process JDBC) and over the network alike (DESIGN.md, server/). Today it owns the storage engine of one
 * data directory and the query planner its sessions share.
 */
public final class Database implements AutoCloseable {

    private final Path directory;
    private final StorageEngine storage;
    private final SegmentStatisticsCache statistics;
    private final QueryRunner queries;
    private final Security security;
    private final QueryLog queryLog = new QueryLog();
    private final AtomicLong sessionIds = new AtomicLong();
    private volatile long defaultMemoryLimitBytes = Runtime.getRuntime().maxMemory() / 2;

    private Database(Path directory, StorageEngine storage) {
        this.directory = directory;
        this.storage = storage;
        // The storage engine holds the directory's lock now, so no query of another process can be spilling here.
        SpillSpace.deleteLeftovers(directory);
        this.security = Security.open(directory, storage.current());
        this.statistics = new SegmentStatisticsCache(storage.layout());
        this.queries = new QueryRunner(storage, new QueryPlanner(statistics));
    }

    /** Opens (creating if needed) the database in {@code directory}; fails if another process has it open. */
    public static Database open(Path directory) {
        CompilerDirectives.installInBackground(); // long before the planner's code is hot enough for C2
        return new Database(directory.toAbsolutePath().normalize(), StorageEngine.open(directory));
    }

    public Path directory() {
        return directory;
    }

    public StorageEngine storage() {
        return storage;
    }

    /** The memory limit new sessions start with ({@code SET memory_limit TO DEFAULT}): half the heap unless changed. */
    public long defaultMemoryLimit() {
        return defaultMemoryLimitBytes;
    }

    /** Changes the memory limit sessions opened from now on start with ({@code basalt server --memory-limit}). */
    public void setDefaultMemoryLimit(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("memory limit must be positive");
        }
        defaultMemoryLimitBytes = bytes;
    }

    /**
     * A new embedded session with default settings (all cores per query, the default memory limit). It runs
     * as the superuser: whoever calls this holds the data directory anyway.
     */
    public Session newSession() {
        return newSession(Authorization.embedded(security));
    }

    /** A new session of {@code user}, who logged in over the network: every statement is checked against its privileges. */
    public Session newSession(String user) {
        return newSession(Authorization.of(security, user));
    }

    private Session newSession(Authorization authorization) {
        return new Session(this, sessionIds.incrementAndGet(), new SessionSettings(Runtime.getRuntime().availableProcessors(),
                defaultMemoryLimitBytes), authorization);
    }

    /** Users, roles, owners and privileges of this data directory ({@code DIR/security/}). */
    public Security security() {
        return security;
    }

    /** The running and recent statements of every session (information_schema.basalt_queries). */
    public QueryLog queryLog() {
        return queryLog;
    }

    /** Column statistics from the segments' footers, shared by every session's planning (ANALYZE refreshes them). */
    public SegmentStatisticsCache statistics() {
        return statistics;
    }

    /** Plans and runs queries for this database's sessions. */
    public QueryRunner queries() {
        return queries;
    }

    @Override
    public void close() {
        storage.close();
    }
}
