package io.basalt.execution;

import io.basalt.execution.plan.JoinType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/** Joins rows the slow, obvious way (every pair), to check the executor against. */
final class ReferenceJoin {

    private ReferenceJoin() {
    }

    /**
     * @param condition extra condition on a pair (TRUE only); pairs must also have equal, non-NULL keys
     * @param notIn     NOT IN semantics for ANTI: a right row counts when each key pair is equal or has a NULL
     */
    static List<List<Object>> join(JoinType type, List<List<Object>> left, List<List<Object>> right, int[] leftKeys,
                                   int[] rightKeys, BiPredicate<List<Object>, List<Object>> condition, boolean notIn,
                                   int leftWidth, int rightWidth) {
        List<List<Object>> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (List<Object> l : left) {
            boolean matched = false;
            for (int r = 0; r < right.size(); r++) {
                List<Object> other = right.get(r);
                if (!keysMatch(l, other, leftKeys, rightKeys, notIn) || !condition.test(l, other)) {
                    continue;
                }
                matched = true;
                rightMatched[r] = true;
                if (type == JoinType.INNER || type == JoinType.LEFT || type == JoinType.RIGHT || type == JoinType.FULL) {
                    out.add(concat(l, other));
                }
            }
            if (type == JoinType.SEMI && matched || type == JoinType.ANTI && !matched) {
                out.add(l);
            }
            if ((type == JoinType.LEFT || type == JoinType.FULL) && !matched) {
                out.add(concat(l, Collections.nCopies(rightWidth, null)));
            }
        }
        if (type == JoinType.RIGHT || type == JoinType.FULL) {
            for (int r = 0; r < right.size(); r++) {
                if (!rightMatched[r]) {
                    out.add(concat(Collections.nCopies(leftWidth, null), right.get(r)));
                }
            }
        }
        if (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI) {
            for (int r = 0; r < right.size(); r++) {
                if (rightMatched[r] == (type == JoinType.RIGHT_SEMI)) {
                    out.add(right.get(r));
                }
            }
        }
        return out;
    }

    private static boolean keysMatch(List<Object> l, List<Object> r, int[] leftKeys, int[] rightKeys, boolean notIn) {
        for (int k = 0; k < leftKeys.length; k++) {
            Object a = l.get(leftKeys[k]);
            Object b = r.get(rightKeys[k]);
            if (a == null || b == null) {
                if (notIn) {
                    continue;
                }
                return false;
            }
            if (!Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    static List<Object> concat(List<Object> left, List<Object> right) {
        List<Object> row = new ArrayList<>(left);
        row.addAll(right);
        return row;
    }
}
