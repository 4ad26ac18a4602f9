package io.basalt.jdbc;

import org.junit.jupiter.api.Test;

import static io.basalt.jdbc.SqlTextScanner.countPlaceholders;
import static org.assertj.core.api.Assertions.assertThat;

class SqlTextScannerTest {

    @Test
    void countsMarkers() {
        assertThat(countPlaceholders("select 1")).isZero();
        assertThat(countPlaceholders("insert into t values (?, ?, ?)")).isEqualTo(3);
        assertThat(countPlaceholders("select ?+?")).isEqualTo(2);
    }

    @Test
    void ignoresMarkersInLiteralsAndQuotedIdentifiers() {
        assertThat(countPlaceholders("select 'what?', 'it''s ?' from t where a = ?")).isEqualTo(1);
        assertThat(countPlaceholders("select \"col?\", \"a\"\"?\" from t where b = ?")).isEqualTo(1);
    }

    @Test
    void ignoresMarkersInComments() {
        assertThat(countPlaceholders("select ? -- and ?\n, ? /* ? ? */ from t")).isEqualTo(2);
        assertThat(countPlaceholders("select ? -- no newline ?")).isEqualTo(1);
        assertThat(countPlaceholders("select ? /* unterminated ?")).isEqualTo(1);
    }

    @Test
    void ignoresMarkersInDollarQuotes() {
        assertThat(countPlaceholders("select $$ ? $$, $tag$ ? $ ? $tag$, ?")).isEqualTo(1);
        assertThat(countPlaceholders("select a$b, ? from t")).isEqualTo(1);
        assertThat(countPlaceholders("select $1, ?")).isEqualTo(1);
    }

    @Test
    void unterminatedLiteralsRunToTheEnd() {
        assertThat(countPlaceholders("select ?, 'open ?")).isEqualTo(1);
    }
}
