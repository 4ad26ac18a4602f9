package io.basalt.jdbc.testing;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the SQLException a JDBC call throws. */
public final class SqlAssertions {

    private SqlAssertions() {
    }

    /** Asserts that {@code call} throws an SQLException with {@code sqlState}; returns it for more checks. */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertSqlState(ThrowingCallable call, String sqlState) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown = assertThatThrownBy(call).isInstanceOf(SQLException.class);
        thrown.extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
        return thrown;
    }
}
