package io.basalt.execution.parameter;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.Literal;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Java values to parameter literals: CAST's rules, assignment's rules for text, errors that name the parameter. */
class ParameterValuesTest {

    private static final LogicalType MONEY = LogicalType.decimal(15, 2);

    private static Object value(Object javaValue, LogicalType type) {
        Literal literal = ParameterValues.toLiteral(javaValue, type, 0);
        assertThat(literal.type()).isEqualTo(type);
        return literal.value();
    }

    private static ExecutionException failure(Object javaValue, LogicalType type, int index) {
        ExecutionException error = catchThrowableOfType(ExecutionException.class,
                () -> ParameterValues.toLiteral(javaValue, type, index));
        assertThat(error).as("%s as %s should fail", javaValue, type).isNotNull();
        assertThat(error.getMessage()).startsWith("parameter $" + (index + 1) + ": ");
        return error;
    }

    @Test
    void integersConvertWithRangeChecks() {
        assertThat(value(42, LogicalType.INTEGER)).isEqualTo(42L);
        assertThat(value(42L, LogicalType.INTEGER)).isEqualTo(42L);
        assertThat(value((short) 7, LogicalType.BIGINT)).isEqualTo(7L);
        assertThat(value((byte) -3, LogicalType.SMALLINT)).isEqualTo(-3L);
        assertThat(value(" 17 ", LogicalType.BIGINT)).isEqualTo(17L);
        assertThat(value(new BigDecimal("2.5"), LogicalType.INTEGER)).isEqualTo(3L);
        assertThat(value(-2.5, LogicalType.INTEGER)).isEqualTo(-3L);

        assertThat(failure(3_000_000_000L, LogicalType.INTEGER, 0).sqlState()).isEqualTo("22003");
        assertThat(failure(300, LogicalType.TINYINT, 1).sqlState()).isEqualTo("22003");
        ExecutionException notANumber = failure("abc", LogicalType.INTEGER, 2);
        assertThat(notANumber.sqlState()).isEqualTo("22P02");
        assertThat(notANumber.getMessage()).isEqualTo("parameter $3: invalid input syntax for type INTEGER: \"abc\"");
    }

    @Test
    void decimalsRoundHalfAwayFromZeroAndCheckPrecision() {
        assertThat(value(new BigDecimal("1.005"), MONEY)).isEqualTo(101L);
        assertThat(value(new BigDecimal("-1.005"), MONEY)).isEqualTo(-101L);
        assertThat(value(new BigDecimal("1E+3"), MONEY)).isEqualTo(100_000L);
        assertThat(value(24, MONEY)).isEqualTo(2_400L);
        assertThat(value(0.1, MONEY)).isEqualTo(10L);
        assertThat(value("12.345", MONEY)).isEqualTo(1_235L);
        assertThat(value(new BigDecimal("0.0000000000000000000000000000000000000000001"), MONEY)).isEqualTo(0L);
        assertThat(value(new BigDecimal("12345678901234567890.1234"), LogicalType.decimal(30, 4)))
                .isEqualTo(new BigInteger("123456789012345678901234"));

        assertThat(value(7, LogicalType.decimal(30, 4))).isEqualTo(BigInteger.valueOf(70_000));
        assertThat(value(Long.MAX_VALUE, LogicalType.decimal(38, 0))).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(value(new BigDecimal("12.3"), LogicalType.decimal(30, 4))).isEqualTo(BigInteger.valueOf(123_000));
        assertThat(value(new BigDecimal("-12.3"), LogicalType.decimal(3, 1))).isEqualTo(-123L);

        assertThat(failure(1e30, MONEY, 0).sqlState()).isEqualTo("22003");
        assertThat(failure(new BigDecimal("1234.5"), LogicalType.decimal(4, 1), 0).sqlState()).isEqualTo("22003");
        assertThat(failure(100_000, LogicalType.decimal(6, 2), 0).sqlState()).isEqualTo("22003");
        assertThat(failure(new BigDecimal("1E+30"), MONEY, 0).sqlState()).isEqualTo("22003");
        assertThat(failure(new BigDecimal("1E+40"), MONEY, 0).sqlState()).isEqualTo("22003");
        assertThat(failure(Long.MAX_VALUE, MONEY, 0).sqlState()).isEqualTo("22003");
    }

    @Test
    void floatingPoint() {
        assertThat(value(1.5, LogicalType.DOUBLE)).isEqualTo(1.5);
        assertThat(value(1.5f, LogicalType.REAL)).isEqualTo(1.5);
        assertThat(value(0.1f, LogicalType.DOUBLE)).isEqualTo((double) 0.1f);
        assertThat(value(3, LogicalType.DOUBLE)).isEqualTo(3.0);
        assertThat(value(new BigDecimal("1E+300"), LogicalType.DOUBLE)).isEqualTo(1e300);
        assertThat(failure(new BigDecimal("1E+400"), LogicalType.DOUBLE, 0).sqlState()).isEqualTo("22003");
    }

    @Test
    void textFollowsAssignmentRules() {
        LogicalType five = LogicalType.varchar(5);
        assertThat(value("abc", five)).isEqualTo("abc");
        assertThat(value("abcde   ", five)).isEqualTo("abcde");
        assertThat(value("ǅǅǅǅǅ", five)).isEqualTo("ǅǅǅǅǅ");
        assertThat(value(42, five)).isEqualTo("42");
        assertThat(value(new BigDecimal("1.50"), LogicalType.TEXT)).isEqualTo("1.50");
        assertThat(value(LocalDate.of(2024, 2, 29), LogicalType.TEXT)).isEqualTo("2024-02-29");
        assertThat(value(true, LogicalType.TEXT)).isEqualTo("true");
        assertThat(value("ab  ", LogicalType.character(4))).isEqualTo("ab");

        ExecutionException tooLong = failure("abcdef", five, 0);
        assertThat(tooLong.sqlState()).isEqualTo("22001");
        assertThat(tooLong.getMessage()).isEqualTo("parameter $1: value too long for type VARCHAR(5) (6 characters)");
        assertThat(failure(123456, five, 0).sqlState()).isEqualTo("22001");
    }

    @Test
    void datesTimesAndTimestamps() {
        assertThat(value(LocalDate.of(1970, 1, 2), LogicalType.DATE)).isEqualTo(1L);
        assertThat(value("1998-09-02", LogicalType.DATE)).isEqualTo(LocalDate.of(1998, 9, 2).toEpochDay());
        assertThat(value(LocalDate.of(1970, 1, 2), LogicalType.TIMESTAMP)).isEqualTo(86_400_000_000L);
        assertThat(value(LocalDateTime.of(1970, 1, 2, 23, 59), LogicalType.DATE)).isEqualTo(1L);
        assertThat(value(LocalTime.of(0, 0, 1, 1_999), LogicalType.TIME)).isEqualTo(1_000_001L);
        assertThat(value(LocalDateTime.of(1970, 1, 1, 0, 0, 0, 5_000), LogicalType.TIMESTAMP)).isEqualTo(5L);
        assertThat(value("1970-01-01 00:00:01", LogicalType.TIMESTAMP)).isEqualTo(1_000_000L);

        assertThat(failure("1998-02-30", LogicalType.DATE, 0).sqlState()).isEqualTo("22008");
        assertThat(failure("yesterday", LogicalType.DATE, 0).sqlState()).isEqualTo("22007");
        assertThat(failure(LocalDateTime.of(999_999_999, 1, 1, 0, 0), LogicalType.TIMESTAMP, 0).sqlState())
                .isEqualTo("22008");
    }

    @Test
    void booleans() {
        assertThat(value(true, LogicalType.BOOLEAN)).isEqualTo(true);
        assertThat(value("yes", LogicalType.BOOLEAN)).isEqualTo(true);
        assertThat(value("f", LogicalType.BOOLEAN)).isEqualTo(false);
        assertThat(failure("maybe", LogicalType.BOOLEAN, 0).sqlState()).isEqualTo("22P02");
    }

    @Test
    void valuesNoCastConvertsAreDatatypeMismatches() {
        ExecutionException error = failure(LocalDate.of(2024, 1, 1), LogicalType.INTEGER, 0);
        assertThat(error.sqlState()).isEqualTo("42804");
        assertThat(error.getMessage()).isEqualTo(
                "parameter $1: the parameter is of type INTEGER and a value of type DATE cannot be converted to it");
        assertThat(failure(12, LogicalType.DATE, 0).sqlState()).isEqualTo("42804");
        assertThat(failure(true, LogicalType.INTEGER, 0).sqlState()).isEqualTo("42804");
    }

    @Test
    void nullIsANullOfTheParametersType() {
        List<Literal> literals = ParameterValues.toLiterals(Arrays.asList(null, 5), List.of(LogicalType.DATE, LogicalType.BIGINT));

        assertThat(literals).containsExactly(Literal.nullOf(LogicalType.DATE), new Literal(5L, LogicalType.BIGINT));
    }
}
