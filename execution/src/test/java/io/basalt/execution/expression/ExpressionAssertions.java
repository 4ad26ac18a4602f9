package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the SQLSTATE of execution errors. */
final class ExpressionAssertions {

    private ExpressionAssertions() {
    }

    static void assertSqlState(ThrowableAssert.ThrowingCallable action, String sqlState) {
        assertThatThrownBy(action).isInstanceOf(ExecutionException.class)
                .satisfies(error -> org.assertj.core.api.Assertions.assertThat(((ExecutionException) error).sqlState())
                        .as("SQLSTATE of: " + error.getMessage()).isEqualTo(sqlState));
    }
}
