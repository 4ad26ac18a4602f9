package io.basalt.optimizer.rules;

/**
 * The shape a join orderer chose for a multi-join's inputs: a leaf is one input (by its position in the
 * multi-join), a join two subtrees. {@link JoinTreeBuilder} turns it into joins.
 */
record JoinTree(int input, JoinTree left, JoinTree right) {

    static JoinTree leaf(int input) {
        return new JoinTree(input, null, null);
    }

    static JoinTree join(JoinTree left, JoinTree right) {
        return new JoinTree(-1, left, right);
    }

    /** The left-deep tree that joins the inputs in {@code order}: ((order[0] ⋈ order[1]) ⋈ order[2]) … */
    static JoinTree leftDeep(int[] order) {
        JoinTree tree = leaf(order[0]);
        for (int step = 1; step < order.length; step++) {
            tree = join(tree, leaf(order[step]));
        }
        return tree;
    }

    boolean isLeaf() {
        return left == null;
    }
}
