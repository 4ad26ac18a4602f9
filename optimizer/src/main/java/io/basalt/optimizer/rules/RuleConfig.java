package io.basalt.optimizer.rules;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

import java.util.function.Function;

/**
 * The immutable configuration of Basalt's own rules: Calcite's {@link RelRule.Config} as a record (Calcite
 * generates its configs with an annotation processor Basalt does not use). {@code factory} makes the rule.
 */
public record RuleConfig(RelBuilderFactory relBuilderFactory, @Nullable String description,
                         RelRule.OperandTransform operandSupplier, Function<RuleConfig, RelOptRule> factory)
        implements RelRule.Config {

    @Override
    public RelOptRule toRule() {
        return factory.apply(this);
    }

    @Override
    public RuleConfig withRelBuilderFactory(RelBuilderFactory newFactory) {
        return new RuleConfig(newFactory, description, operandSupplier, factory);
    }

    @Override
    public RuleConfig withDescription(@Nullable String newDescription) {
        return new RuleConfig(relBuilderFactory, newDescription, operandSupplier, factory);
    }

    @Override
    public RuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
        return new RuleConfig(relBuilderFactory, description, transform, factory);
    }
}
