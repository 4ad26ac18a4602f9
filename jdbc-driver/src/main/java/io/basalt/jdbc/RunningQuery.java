package io.basalt.jdbc;

import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * One execution of a statement, from the call that starts it until its update count is known or its
 * result set is read to the end or closed: the span a query timeout covers (the query still runs while
 * its rows stream) and the span in which {@code Statement.cancel()} has something to cancel.
 *
 * <p>Cancelling (by the timer or the application) and finishing are mutually exclusive, so a late timer
 * can never cancel the next statement of the session.
 */
final class RunningQuery {

    private final SessionChannel channel;
    private final int timeoutSeconds;
    private final long startNanos = System.nanoTime();
    private volatile Duration finalElapsed;
    private ScheduledFuture<?> timer;
    private boolean finished;
    private volatile boolean timedOut;

    private RunningQuery(SessionChannel channel, int timeoutSeconds) {
        this.channel = channel;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Starts an execution; with a positive timeout, arms the timer that cancels it. */
    static RunningQuery start(SessionChannel channel, int timeoutSeconds) {
        RunningQuery query = new RunningQuery(channel, timeoutSeconds);
        channel.started(query);
        if (timeoutSeconds > 0) {
            synchronized (query) {
                query.timer = QueryTimer.schedule(query::expire, timeoutSeconds);
            }
        }
        return query;
    }

    private synchronized void expire() {
        if (finished) {
            return;
        }
        timedOut = true;
        try {
            channel.cancel();
        } catch (SQLException e) {
            // The statement's own call reports what happened; the timer thread has nobody to tell.
        }
    }

    /** Cancels the execution if it still runs. */
    synchronized void cancel() throws SQLException {
        if (!finished) {
            channel.cancel();
        }
    }

    /** Ends the execution: the timer is disarmed and cancel() no longer reaches the session. */
    synchronized void finish() {
        if (!finished) {
            finalElapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        }
        finished = true;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The time from the start of the execution until it finished, or until now while it runs. */
    Duration elapsed() {
        Duration ended = finalElapsed;
        return ended != null ? ended : Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** How far the execution has got; counts unknown when the session cannot tell or has run another one since. */
    QueryProgress progress() throws SQLException {
        Duration elapsed = elapsed();
        ProgressReport report = channel.isLatest(this) ? channel.progress() : null;
        return report == null ? QueryProgress.unknown(elapsed) : QueryProgress.of(report, elapsed);
    }

    /** The error to report for {@code error}: a timeout when the timer cancelled the query. */
    SQLException translate(SQLException error) {
        if (timedOut) {
            return new SQLTimeoutException("the query was cancelled after the query timeout of " + timeoutSeconds
                    + (timeoutSeconds == 1 ? " second" : " seconds"), SqlStates.QUERY_CANCELED, error);
        }
        return error;
    }
}
