package io.basalt.optimizer.sql;

import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresIntervalTest {

    private static PostgresInterval interval(String text) {
        return PostgresInterval.parse(text).orElseThrow();
    }

    @Test
    void readsUnitsAbbreviationsAndTimes() {
        assertThat(interval("1 month")).isEqualTo(new PostgresInterval(1, 0, 0));
        assertThat(interval("1 year 2 months")).isEqualTo(new PostgresInterval(14, 0, 0));
        assertThat(interval("3 DAYS")).isEqualTo(new PostgresInterval(0, 3, 0));
        assertThat(interval("2 weeks 1 d")).isEqualTo(new PostgresInterval(0, 15, 0));
        assertThat(interval("2 hours 30 minutes")).isEqualTo(new PostgresInterval(0, 0, 9_000_000_000L));
        assertThat(interval("1 day 02:30:00.5")).isEqualTo(new PostgresInterval(0, 1, 9_000_500_000L));
        assertThat(interval("-01:00")).isEqualTo(new PostgresInterval(0, 0, -3_600_000_000L));
        assertThat(interval("90")).isEqualTo(new PostgresInterval(0, 0, 90_000_000L));
        assertThat(interval("1h 5min 3s 2ms 7us")).isEqualTo(new PostgresInterval(0, 0, 3_903_002_007L));
        assertThat(interval("@ 1 decade 1 mon")).isEqualTo(new PostgresInterval(121, 0, 0));
        assertThat(interval("1-2")).isEqualTo(new PostgresInterval(14, 0, 0));
        assertThat(interval("3days")).isEqualTo(new PostgresInterval(0, 3, 0));
    }

    @Test
    void agoNegatesAndSignsApplyPerPart() {
        assertThat(interval("2 days ago")).isEqualTo(new PostgresInterval(0, -2, 0));
        assertThat(interval("1 day -2 hours")).isEqualTo(new PostgresInterval(0, 1, -7_200_000_000L));
        assertThat(interval("-1 year +3 months")).isEqualTo(new PostgresInterval(-9, 0, 0));
    }

    @Test
    void fractionsSpreadToSmallerPartsAsInPostgresql() {
        assertThat(interval("1.5 years")).isEqualTo(new PostgresInterval(18, 0, 0));
        assertThat(interval("1.5 months")).isEqualTo(new PostgresInterval(1, 15, 0));
        assertThat(interval("1.5 days")).isEqualTo(new PostgresInterval(0, 1, 43_200_000_000L));
        assertThat(interval("1.5 weeks")).isEqualTo(new PostgresInterval(0, 10, 43_200_000_000L));
        assertThat(interval("0.5 seconds")).isEqualTo(new PostgresInterval(0, 0, 500_000L));
    }

    @Test
    void rejectsWhatPostgresqlRejects() {
        assertThat(PostgresInterval.parse("")).isEmpty();
        assertThat(PostgresInterval.parse("abc")).isEmpty();
        assertThat(PostgresInterval.parse("1 fortnight")).isEmpty();
        assertThat(PostgresInterval.parse("1 day 2")).isPresent();
        assertThat(PostgresInterval.parse("day")).isEmpty();
        assertThatThrownBy(() -> PostgresInterval.parse("99999999999999999999 days")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void becomesTheCalciteIntervalOfOneFamily() {
        SqlParserPos position = SqlParserPos.ZERO;
        assertThat(interval("14 months").toLiteral(position).orElseThrow().toString()).isEqualTo("INTERVAL '14' MONTH(10)");
        assertThat(interval("-3 days").toLiteral(position).orElseThrow().toString()).isEqualTo("INTERVAL -'3' DAY(10)");
        assertThat(interval("1 day 1.5 seconds").toLiteral(position).orElseThrow().toString())
                .isEqualTo("INTERVAL '86401.500000' SECOND(10, 6)");
        assertThat(interval("1 month 1 day").toLiteral(position)).isEmpty();
        assertThat(interval("1 microsecond").toLiteral(position)).isEmpty();
    }
}
