package io.basalt.optimizer.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameSuggestionsTest {

    @Test
    void suggestsTheClosestCandidate() {
        assertThat(NameSuggestions.nearest("l_shipdat", List.of("l_shipmode", "l_shipdate", "l_commitdate")))
                .hasValue("l_shipdate");
    }

    @Test
    void caseDifferencesCostNothing() {
        assertThat(NameSuggestions.nearest("N_NAME", List.of("n_comment", "n_name"))).hasValue("n_name");
    }

    @Test
    void distantNamesAreNoSuggestion() {
        assertThat(NameSuggestions.nearest("warehouse", List.of("orders", "lineitem"))).isEmpty();
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertThat(NameSuggestions.nearest("abc", List.of("abd", "abe"))).hasValue("abd");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(NameSuggestions.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(NameSuggestions.editDistance("", "abc")).isEqualTo(3);
        assertThat(NameSuggestions.editDistance("same", "same")).isZero();
    }
}
