package io.basalt.execution.plan;

/**
 * How a join combines its left (probe) and right (build) inputs. INNER, LEFT, RIGHT and FULL output the
 * left columns followed by the right ones (NULLs for the missing side); SEMI and ANTI output only the left
 * columns, once per left row that has (SEMI) or has not (ANTI) a match. RIGHT_SEMI and RIGHT_ANTI are the
 * same with the sides exchanged: they output only the right columns, once per right row that has or has not
 * a match, after the whole left side has been probed. They let a semi or anti join build its hash table on
 * the smaller side (the outer query's rows) and stream the larger one (the subquery's) past it.
 */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI, RIGHT_SEMI, RIGHT_ANTI;

    /** Whether only one side's columns are output (the left for SEMI and ANTI, the right for the RIGHT_ forms). */
    public boolean outputsOneSide() {
        return this == SEMI || this == ANTI || this == RIGHT_SEMI || this == RIGHT_ANTI;
    }
}
