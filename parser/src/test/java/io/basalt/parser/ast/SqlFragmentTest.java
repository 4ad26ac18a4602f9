package io.basalt.parser.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlFragmentTest {

    // The fragment "SELECT a\nFROM t" starting at offset 20, line 3, column 5 of some script.
    private final SqlFragment fragment = new SqlFragment("SELECT a\nFROM t", new SourceSpan(20, 35, 3, 5));

    @Test
    void firstLineShiftsTheColumn() {
        assertThat(fragment.locate(1, 8)).isEqualTo(new ScriptPosition(27, 3, 12));
    }

    @Test
    void laterLinesKeepTheColumn() {
        assertThat(fragment.locate(2, 6)).isEqualTo(new ScriptPosition(34, 4, 6));
        assertThat(fragment.locate(2, 7)).as("one past the end").isEqualTo(new ScriptPosition(35, 4, 7));
    }

    @Test
    void rejectsPositionsOutsideTheText() {
        assertThatThrownBy(() -> fragment.locate(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fragment.locate(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SqlFragment("abc", new SourceSpan(0, 2, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
