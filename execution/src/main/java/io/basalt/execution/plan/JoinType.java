package io.basalt.execution.plan;

/**
 * How a join combines its left (probe) and right (build) inputs. INNER, LEFT, RIGHT and FULL output the
 * left columns followed by the right ones (NULLs for the missing side); SEMI and ANTI output only the left
 * columns, once per left row that has (SEMI) or has not (ANTI) a match.
 */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI
}
