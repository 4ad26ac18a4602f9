package io.basalt.server.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows password guessing: every failed login of a user name and of a client address doubles the delay before the
 * next failure of either is answered (from {@code base} up to {@code max}); a success clears both, and failures older
 * than {@code forgetAfter} are forgotten. The delay is spent on the failing connection's own thread, so other
 * clients are not slowed, and a guesser learns nothing before it has waited.
 */
public final class LoginThrottle {

    private final long baseMillis;
    private final long maxMillis;
    private final long forgetAfterMillis;
    private final Map<String, Failures> failures = new HashMap<>();

    private static final class Failures {
        int count;
        long lastMillis;
    }

    public LoginThrottle(Duration base, Duration max, Duration forgetAfter) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        this.forgetAfterMillis = forgetAfter.toMillis();
    }

    /** The defaults: 200 ms after the first failure, doubling to at most 10 s, forgotten after 15 minutes. */
    public static LoginThrottle standard() {
        return new LoginThrottle(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(15));
    }

    /** Records a failure and returns how long to wait before answering it. */
    public synchronized long recordFailure(String user, String address) {
        long now = System.currentTimeMillis();
        int count = Math.max(bump("user:" + user, now), bump("address:" + address, now));
        long delay = baseMillis << Math.min(count - 1, 20);
        return Math.min(delay, maxMillis);
    }

    private int bump(String key, long now) {
        Failures entry = failures.computeIfAbsent(key, k -> new Failures());
        if (now - entry.lastMillis > forgetAfterMillis) {
            entry.count = 0;
        }
        entry.count++;
        entry.lastMillis = now;
        return entry.count;
    }

    public synchronized void recordSuccess(String user, String address) {
        failures.remove("user:" + user);
        failures.remove("address:" + address);
        if (failures.size() > 100_000) {
            // a flood of distinct names must not grow the map without end
            long now = System.currentTimeMillis();
            failures.values().removeIf(entry -> now - entry.lastMillis > forgetAfterMillis);
        }
    }
}
