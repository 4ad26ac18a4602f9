package io.basalt.execution.join;

import io.basalt.execution.plan.JoinType;

/**
 * What a probe batch does with the build groups its keys found, one kind per join: each kind is its own class (an
 * enum constant with a body), so that the JIT compiles each loop on its own, with no branch on the join's kind in it.
 *
 * <p>With the three loops in one method, a query of a kind the compiled method had not met yet took a branch it had
 * never taken, which threw the whole compiled probe away (an uncommon trap) and compiled it again: 18 compilations
 * of 50 kB of machine code, 1.3 s of the C2 compiler's time, over one run of the 22 TPC-H queries, most of it while
 * the queries ran on the same two cores. Now a new kind of join only widens the type profile of the one call of
 * {@link #emit} (C2 recompiles probe as that call turns bimorphic, then megamorphic, and stops there), and each
 * kind's loop stays compiled.
 */
enum ProbeMatching {

    /** SEMI and ANTI joins without a residual: a left row with a found group matched, whatever the right rows. */
    EXISTENCE {
        @Override
        void emit(JoinHashTable table, int[] positions, int[] groups, int count, ProbeBatchJoiner joiner) {
            for (int i = 0; i < count; i++) {
                if (groups[i] >= 0) {
                    joiner.matched(positions[i]);
                }
            }
        }
    },

    /** RIGHT_SEMI and RIGHT_ANTI joins without a residual: only the right rows of found groups are marked. */
    RIGHT_MARKS {
        @Override
        void emit(JoinHashTable table, int[] positions, int[] groups, int count, ProbeBatchJoiner joiner) {
            for (int i = 0; i < count; i++) {
                int group = groups[i];
                if (group >= 0) {
                    for (int right = table.firstRow(group); right >= 0; right = table.nextRow(right)) {
                        joiner.matchedRight(right);
                    }
                }
            }
        }
    },

    /** Every other join: each left row with each right row of its group, as a pair. */
    PAIRS {
        @Override
        void emit(JoinHashTable table, int[] positions, int[] groups, int count, ProbeBatchJoiner joiner) {
            if (table.uniqueKeys()) {
                emitUniqueKeys(table, positions, groups, count, joiner);
                return;
            }
            for (int i = 0; i < count; i++) {
                int group = groups[i];
                if (group >= 0) {
                    for (int right = table.firstRow(group); right >= 0; right = table.nextRow(right)) {
                        joiner.addPair(positions[i], right);
                    }
                }
            }
        }
    };

    /**
     * Hands the joiner the matches of {@code positions[0, count)}, whose groups are {@code groups[0, count)} (negative:
     * not found); may overwrite both arrays.
     */
    abstract void emit(JoinHashTable table, int[] positions, int[] groups, int count, ProbeBatchJoiner joiner);

    static ProbeMatching of(JoinType type, boolean hasResidual) {
        if (!hasResidual && (type == JoinType.SEMI || type == JoinType.ANTI)) {
            return EXISTENCE;
        }
        if (!hasResidual && (type == JoinType.RIGHT_SEMI || type == JoinType.RIGHT_ANTI)) {
            return RIGHT_MARKS;
        }
        return PAIRS;
    }

    /**
     * A build side with one row per key: each found group is one pair, gathered in place over {@code positions} and
     * {@code groups} and added in runs, with no chain to follow.
     */
    private static void emitUniqueKeys(JoinHashTable table, int[] positions, int[] groups, int count,
                                       ProbeBatchJoiner joiner) {
        int pairs = 0;
        for (int i = 0; i < count; i++) {
            int group = groups[i];
            if (group >= 0) {
                positions[pairs] = positions[i];
                groups[pairs] = table.firstRow(group);
                pairs++;
            }
        }
        joiner.addPairs(positions, groups, pairs);
    }
}
