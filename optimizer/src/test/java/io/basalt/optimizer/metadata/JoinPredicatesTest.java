package io.basalt.optimizer.metadata;

import io.basalt.optimizer.catalog.BasaltTypeFactory;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JoinPredicatesTest {

    private final RelOptCluster cluster = cluster();

    private static RelOptCluster cluster() {
        RelOptCluster cluster = RelOptCluster.create(new HepPlanner(HepProgram.builder().build()),
                new RexBuilder(new BasaltTypeFactory()));
        BasaltMetadata.install(cluster);
        return cluster;
    }

    /**
     * {@code (a, b) WHERE a = 1} joined to {@code (c) WHERE c > 5} on {@code b = c}: its predicates, as text (the
     * values' own ranges come up too, as {@code SEARCH}es).
     */
    private List<String> predicatesOfJoin(JoinRelType type) {
        RelBuilder builder = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty()).create(cluster, null);
        builder.values(new String[] {"a", "b"}, 1, 2, 3, 4, 1, 6)
                .filter(builder.equals(builder.field("a"), builder.literal(1)));
        builder.values(new String[] {"c"}, 2, 6, 9)
                .filter(builder.call(SqlStdOperatorTable.GREATER_THAN, builder.field("c"), builder.literal(5)));
        RexNode condition = builder.equals(builder.field(2, 0, "b"), builder.field(2, 1, "c"));
        RelNode join = builder.join(type, condition).build();
        return cluster.getMetadataQuery().getPulledUpPredicates(join).pulledUpPredicates.stream()
                .map(RexNode::toString).toList();
    }

    @Test
    void anInnerJoinsRowsHoldBothSidesPredicatesAndItsCondition() {
        assertThat(predicatesOfJoin(JoinRelType.INNER)).contains("=($0, 1)", ">($2, 5)", "=($1, $2)");
    }

    @Test
    void anOuterJoinHoldsOnlyItsPreservedSidesPredicates() {
        assertThat(predicatesOfJoin(JoinRelType.LEFT)).contains("=($0, 1)")
                .doesNotContain(">($2, 5)", "=($1, $2)");
        assertThat(predicatesOfJoin(JoinRelType.RIGHT)).contains(">($2, 5)")
                .doesNotContain("=($0, 1)", "=($1, $2)");
        assertThat(predicatesOfJoin(JoinRelType.FULL)).isEmpty();
    }

    @Test
    void semiAndAntiJoinsHoldTheirLeftSidesPredicates() {
        for (JoinRelType type : new JoinRelType[] {JoinRelType.SEMI, JoinRelType.ANTI}) {
            // Their rows are the left side's two columns: nothing may refer to a third.
            assertThat(predicatesOfJoin(type)).as(type.toString()).contains("=($0, 1)")
                    .noneMatch(predicate -> predicate.contains("$2"));
        }
    }
}
