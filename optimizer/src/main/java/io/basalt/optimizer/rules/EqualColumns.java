package io.basalt.optimizer.rules;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classes of columns a multi-join of inner joins makes equal: its conditions {@code a = b} on two columns of
 * different inputs and of the same type join the two columns' classes. Every column of a class is equal to every
 * other in each joined row (an inner join's {@code =} rejects NULLs), so two sets of inputs that each hold a column
 * of a class can be joined on that class even where the query equates neither column with the other: TPC-H Q9
 * equates {@code p_partkey} and {@code ps_partkey} with {@code l_partkey} only, yet part ⋈ partsupp on the part key
 * is a join, and the one that makes its cheapest plan. One equality per class between two joined sets then stands
 * for all of them ({@link JoinTreeBuilder}); the written ones are implied.
 */
final class EqualColumns {

    /** Per multi-join column: its class, or -1 when no such equality names it. */
    private final int[] classOfField;
    /** Per class: its columns in ascending order, and the inputs holding them. */
    private final List<int[]> members;
    private final List<ImmutableBitSet> inputs;
    /** Per condition: whether it is one of the equalities that made the classes. */
    private final boolean[] classEquality;

    private EqualColumns(int[] classOfField, List<int[]> members, List<ImmutableBitSet> inputs,
                         boolean[] classEquality) {
        this.classOfField = classOfField;
        this.members = members;
        this.inputs = inputs;
        this.classEquality = classEquality;
    }

    static EqualColumns of(JoinGraph graph) {
        int fields = 0;
        for (int input = 0; input < graph.inputCount(); input++) {
            fields += graph.fieldCount(input);
        }
        int[] parent = new int[fields];
        Arrays.setAll(parent, field -> field);
        boolean[] classEquality = new boolean[graph.conditions().size()];
        for (int c = 0; c < classEquality.length; c++) {
            int[] columns = equatedColumns(graph.conditions().get(c));
            if (columns != null && graph.inputOf(columns[0]) != graph.inputOf(columns[1])) {
                classEquality[c] = true;
                parent[root(parent, columns[0])] = root(parent, columns[1]);
            }
        }
        int[] classOfRoot = new int[fields];
        Arrays.fill(classOfRoot, -1);
        int[] classOfField = new int[fields];
        Arrays.fill(classOfField, -1);
        List<List<Integer>> grouped = new ArrayList<>();
        for (int c = 0; c < classEquality.length; c++) {
            if (!classEquality[c]) {
                continue;
            }
            for (int field : equatedColumns(graph.conditions().get(c))) {
                int root = root(parent, field);
                if (classOfRoot[root] < 0) {
                    classOfRoot[root] = grouped.size();
                    grouped.add(new ArrayList<>());
                }
                if (classOfField[field] < 0) {
                    classOfField[field] = classOfRoot[root];
                    grouped.get(classOfRoot[root]).add(field);
                }
            }
        }
        List<int[]> members = new ArrayList<>(grouped.size());
        List<ImmutableBitSet> inputs = new ArrayList<>(grouped.size());
        for (List<Integer> group : grouped) {
            int[] columns = group.stream().mapToInt(Integer::intValue).sorted().toArray();
            members.add(columns);
            ImmutableBitSet.Builder holding = ImmutableBitSet.builder();
            for (int field : columns) {
                holding.set(graph.inputOf(field));
            }
            inputs.add(holding.build());
        }
        return new EqualColumns(classOfField, members, inputs, classEquality);
    }

    /** The two columns {@code condition} equates, if it is {@code column = column} of one type; else null. */
    private static int[] equatedColumns(RexNode condition) {
        if (condition.getKind() == SqlKind.EQUALS && condition instanceof RexCall call
                && call.getOperands().get(0) instanceof RexInputRef left
                && call.getOperands().get(1) instanceof RexInputRef right
                && left.getType().getSqlTypeName() == right.getType().getSqlTypeName()
                && left.getType().getPrecision() == right.getType().getPrecision()
                && left.getType().getScale() == right.getType().getScale()) {
            return new int[] {left.getIndex(), right.getIndex()};
        }
        return null;
    }

    private static int root(int[] parent, int field) {
        while (parent[field] != field) {
            parent[field] = parent[parent[field]];
            field = parent[field];
        }
        return field;
    }

    int classCount() {
        return members.size();
    }

    /** The columns of class {@code equalClass}, ascending. */
    int[] members(int equalClass) {
        return members.get(equalClass);
    }

    /** The inputs holding a column of class {@code equalClass}. */
    ImmutableBitSet inputs(int equalClass) {
        return inputs.get(equalClass);
    }

    /** The class of multi-join column {@code field}, or -1. */
    int classOf(int field) {
        return classOfField[field];
    }

    /** Whether condition number {@code condition} is an equality the classes stand for. */
    boolean isClassEquality(int condition) {
        return classEquality[condition];
    }
}
