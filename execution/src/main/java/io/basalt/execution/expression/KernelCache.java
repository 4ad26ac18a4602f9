package io.basalt.execution.expression;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a kernel derives from a text argument (a compiled regular expression, a parsed template), kept per
 * distinct text so that a constant argument is prepared once per query and a column of repeating values once per
 * value. Thread-safe: a kernel's batches may run in parallel. A column of ever-new texts starts the cache afresh
 * at {@link #LIMIT} entries rather than growing without bound.
 */
final class KernelCache<V> {

    static final int LIMIT = 256;

    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private final java.util.function.Function<String, V> prepare;

    KernelCache(java.util.function.Function<String, V> prepare) {
        this.prepare = prepare;
    }

    V get(String key) {
        V value = entries.get(key);
        if (value == null) {
            if (entries.size() >= LIMIT) {
                entries.clear();
            }
            value = prepare.apply(key);
            entries.put(key, value);
        }
        return value;
    }
}
