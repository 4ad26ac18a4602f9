package io.basalt.execution;

import io.basalt.execution.plan.SortKey;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * SQL's ordering of rows of boxed values, written independently of the executor, for tests to compute the
 * expected order: NULLs first or last per key, text by its UTF-8 bytes (Basalt's collation), the rest by
 * their natural order.
 */
final class ReferenceOrder {

    private ReferenceOrder() {
    }

    static Comparator<List<Object>> of(List<SortKey> keys) {
        return (x, y) -> {
            for (SortKey key : keys) {
                Object a = x.get(key.column());
                Object b = y.get(key.column());
                if (a == null || b == null) {
                    if (a == null && b == null) {
                        continue;
                    }
                    return (a == null) == key.nullsFirst() ? -1 : 1;
                }
                int comparison = compareValues(a, b);
                if (comparison != 0) {
                    return key.ascending() ? comparison : -comparison;
                }
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a instanceof String x) {
            return Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), ((String) b).getBytes(StandardCharsets.UTF_8));
        }
        return ((Comparable) a).compareTo(b);
    }
}
