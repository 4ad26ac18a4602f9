package io.basalt.optimizer.sql;

import io.basalt.storage.catalog.RelationName;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * A query in Calcite's relational algebra, with the validated syntax tree it came from, so that errors found
 * later (a function execution lacks) can still point at the query text.
 */
public final class TranslatedQuery {

    private final RelRoot root;
    private final SqlNode validated;
    private final QueryParser.ParsedQuery parsed;
    private final java.util.List<RelDataType> parameterTypes;
    private final java.util.Set<RelationName> expandedViews;
    private final io.basalt.optimizer.RelationReads reads;

    TranslatedQuery(RelRoot root, SqlNode validated, QueryParser.ParsedQuery parsed,
                    java.util.List<RelDataType> parameterTypes, java.util.Set<RelationName> expandedViews,
                    io.basalt.optimizer.RelationReads reads) {
        this.root = root;
        this.validated = validated;
        this.parsed = parsed;
        this.parameterTypes = java.util.List.copyOf(parameterTypes);
        this.expandedViews = java.util.Set.copyOf(expandedViews);
        this.reads = reads;
    }

    /** The relations the query reads, arranged for privilege checks (views apart from what they read). */
    public io.basalt.optimizer.RelationReads reads() {
        return reads;
    }

    /** Every table and view the query reads, directly or through views. */
    public java.util.List<RelationName> readRelations() {
        java.util.Set<RelationName> relations = new java.util.LinkedHashSet<>(expandedViews);
        ReadRelations.addScannedTables(root.rel, relations);
        return java.util.List.copyOf(relations);
    }

    /** The views the query reads, directly or through other views (they are expanded in {@link #root()}). */
    public java.util.Set<RelationName> expandedViews() {
        return expandedViews;
    }

    /** The type of each {@code ?} parameter, by index, as the validator inferred it (nullable). */
    public java.util.List<RelDataType> parameterTypes() {
        return parameterTypes;
    }

    public RelRoot root() {
        return root;
    }

    /** The result's column names: the query's, or PostgreSQL's for columns the query leaves unnamed. */
    public java.util.List<String> columnNames() {
        return ResultColumnNames.of(validated, root.validatedRowType.getFieldNames());
    }

    /** The 1-based line and column of the first call of {@code function} in the query text, if there is one. */
    public Optional<int[]> positionOfCall(String function) {
        Deque<SqlNode> pending = new ArrayDeque<>();
        pending.push(validated);
        while (!pending.isEmpty()) {
            SqlNode node = pending.pop();
            if (node instanceof SqlNodeList list) {
                list.forEach(child -> {
                    if (child != null) {
                        pending.push(child);
                    }
                });
            } else if (node instanceof SqlCall call) {
                if (call.getOperator().getName().toUpperCase(Locale.ROOT).equals(function.toUpperCase(Locale.ROOT))) {
                    SqlParserPos position = call.getParserPosition();
                    int line = position.getLineNum();
                    return Optional.of(new int[] {line, parsed.originalColumn(line, position.getColumnNum())});
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        pending.push(operand);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
