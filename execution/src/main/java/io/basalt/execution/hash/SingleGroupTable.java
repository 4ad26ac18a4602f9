package io.basalt.execution.hash;

import io.basalt.storage.vector.ColumnVector;

/** The group table of an aggregation without group keys: every row belongs to the one group. */
final class SingleGroupTable implements GroupTable {

    private int groupCount;

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void findOrInsert(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        if (count > 0) {
            groupCount = 1;
        }
        java.util.Arrays.fill(groupIds, 0, count, 0);
    }

    @Override
    public void find(ColumnVector[] keys, int[] positions, int count, int[] groupIds) {
        java.util.Arrays.fill(groupIds, 0, count, groupCount == 1 ? 0 : -1);
    }

    @Override
    public ColumnVector[] keys() {
        return new ColumnVector[0];
    }

    @Override
    public void release() {
    }
}
