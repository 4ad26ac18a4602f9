package io.basalt.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that fires query timeouts for every connection of the driver. It is a daemon, created
 * when the first timeout is set and gone after a minute without timeouts, so an idle driver holds no
 * thread (and an application server can unload it).
 */
final class QueryTimer {

    private static final ScheduledThreadPoolExecutor EXECUTOR = createExecutor();

    private QueryTimer() {
    }

    static ScheduledFuture<?> schedule(Runnable task, int seconds) {
        return EXECUTOR.schedule(task, seconds, TimeUnit.SECONDS);
    }

    private static ScheduledThreadPoolExecutor createExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "basalt-query-timeout");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(60, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
