package io.basalt.shell;

import io.basalt.jdbc.QueryProgress;
import io.basalt.jdbc.spi.ProgressReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    private static final Duration ELAPSED = Duration.ofSeconds(3);

    @Test
    void showsRowsScannedOfTheEstimateWithPercentAndElapsed() {
        QueryProgress progress = QueryProgress.of(new ProgressReport(1_234_567, 10_000_000, 0, 0, 2), ELAPSED);

        assertThat(ProgressLine.text('|', progress, 3.21, 0, 200))
                .isEqualTo("| 1,234,567 / 10,000,000 rows scanned (12%) \u00b7 3.2 s (Ctrl-C cancels)");
    }

    @Test
    void percentIsRoundedDownSoAHundredMeansDone() {
        QueryProgress progress = QueryProgress.of(new ProgressReport(999, 1000, 0, 0, 1), ELAPSED);

        assertThat(ProgressLine.text('/', progress, 1.0, 0, 200)).contains("(99%)");
    }

    @Test
    void anOldServerOrAnotherDriverShowsElapsedAndRowsReceived() {
        assertThat(ProgressLine.text('-', QueryProgress.unknown(ELAPSED), 2.5, 42_000, 200))
                .isEqualTo("- 2.5 s, 42,000 rows received (Ctrl-C cancels)");
        assertThat(ProgressLine.text('-', null, 2.5, 0, 200)).isEqualTo("- 2.5 s, 0 rows received (Ctrl-C cancels)");
    }

    @Test
    void aStatementScanningNoTableShowsElapsedAndRowsReceived() {
        QueryProgress progress = QueryProgress.of(new ProgressReport(0, 0, 0, 0, 1), ELAPSED);

        assertThat(ProgressLine.text('|', progress, 1.5, 7, 200)).isEqualTo("| 1.5 s, 7 rows received (Ctrl-C cancels)");
    }

    @Test
    void aNarrowTerminalGetsTheLineCutShortOfItsWidth() {
        QueryProgress progress = QueryProgress.of(new ProgressReport(5, 10, 0, 0, 1), ELAPSED);

        assertThat(ProgressLine.text('|', progress, 1.0, 0, 20)).hasSize(19).isEqualTo("| 5 / 10 rows scann");
    }
}
