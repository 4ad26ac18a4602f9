package io.basalt.jdbc.spi;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemporalValuesTest {

    @Test
    void datesAreDaysSinceTheEpoch() {
        assertThat(TemporalValues.epochDay(LocalDate.of(1970, 1, 1))).isZero();
        assertThat(TemporalValues.epochDay(LocalDate.of(1969, 12, 31))).isEqualTo(-1);
        assertThat(TemporalValues.date(19_782)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void timesAreMicrosecondsSinceMidnight() {
        assertThat(TemporalValues.microsOfDay(LocalTime.of(0, 0, 1, 500_000))).isEqualTo(1_000_500L);
        assertThat(TemporalValues.time(86_399_999_999L)).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
        assertThatThrownBy(() -> TemporalValues.microsOfDay(LocalTime.of(0, 0, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampsAreMicrosecondsSinceTheEpochWithoutZone() {
        LocalDateTime before = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000);
        assertThat(TemporalValues.epochMicros(before)).isEqualTo(-1L);
        assertThat(TemporalValues.timestamp(-1L)).isEqualTo(before);
        LocalDateTime value = LocalDateTime.of(2024, 2, 29, 13, 45, 10, 123_456_000);
        assertThat(TemporalValues.timestamp(TemporalValues.epochMicros(value))).isEqualTo(value);
        assertThat(TemporalValues.timestamp(-1_500_000L)).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 58, 500_000_000));
        assertThatThrownBy(() -> TemporalValues.epochMicros(value.withNano(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
