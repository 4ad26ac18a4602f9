package io.basalt.execution.memory;

import io.basalt.execution.ExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryReservationTest {

    @Test
    void tryGrowReservesWhatFitsAndNothingElse() {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryReservation sort = new MemoryReservation(budget, "sorting");
        assertThat(sort.tryGrow(60)).isTrue();
        assertThat(sort.tryGrow(50)).isFalse();
        assertThat(sort.heldBytes()).isEqualTo(60);
        assertThat(budget.usedBytes()).isEqualTo(60);
        assertThat(sort.tryGrow(40)).isTrue();
        assertThat(budget.usedBytes()).isEqualTo(100);
        assertThat(budget.peakBytes()).isEqualTo(100);
        sort.shrink(100);
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void tryGrowWithANegativeAmountShrinks() {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryReservation reservation = new MemoryReservation(budget, "hashing");
        reservation.grow(30);
        assertThat(reservation.tryGrow(-10)).isTrue();
        assertThat(reservation.heldBytes()).isEqualTo(20);
        assertThat(budget.usedBytes()).isEqualTo(20);
    }

    @Test
    void growStillFailsWith53200() {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryReservation reservation = new MemoryReservation(budget, "building a hash table");
        assertThatThrownBy(() -> reservation.grow(101))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("53200"))
                .hasMessageContaining("building a hash table");
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void spillsAddUp() {
        MemoryReservation reservation = new MemoryReservation(new MemoryBudget(100), "sorting");
        reservation.recordSpill(1000, 10);
        reservation.recordSpill(500, 5);
        assertThat(reservation.spilledBytes()).isEqualTo(1500);
        assertThat(reservation.spilledRows()).isEqualTo(15);
    }

    @Test
    void bytesSetAsideAreKeptFromOtherReservationsAndRefilledOnShrink() {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryReservation results = new MemoryReservation(budget, "buffering query results");
        MemoryReservation table = new MemoryReservation(budget, "aggregating");
        assertThat(results.trySetAside(30)).isTrue();
        assertThat(budget.usedBytes()).isEqualTo(30);
        assertThat(table.tryGrow(80)).isFalse();
        assertThat(table.tryGrow(70)).isTrue();

        results.grow(20); // from the bytes set aside, with the budget full
        assertThat(results.tryGrow(10)).isTrue();
        assertThat(results.heldBytes()).isEqualTo(30);
        assertThat(budget.usedBytes()).isEqualTo(100);
        assertThat(results.tryGrow(1)).isFalse();
        assertThatThrownBy(() -> results.grow(1))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("53200"));

        results.shrink(30); // back into the set-aside, not to the table
        assertThat(budget.usedBytes()).isEqualTo(100);
        assertThat(table.tryGrow(1)).isFalse();
        results.releaseSetAside();
        assertThat(budget.usedBytes()).isEqualTo(70);
        assertThat(table.tryGrow(30)).isTrue();
    }

    @Test
    void bytesHeldBeyondTheSetAsideGoBackToTheBudget() {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryReservation results = new MemoryReservation(budget, "buffering query results");
        assertThat(results.trySetAside(10)).isTrue();
        results.grow(40);
        assertThat(budget.usedBytes()).isEqualTo(40);
        results.shrink(35);
        assertThat(budget.usedBytes()).isEqualTo(10); // 5 held, 5 spare: the set-aside in all
        results.close();
        assertThat(budget.usedBytes()).isZero();
        assertThat(results.heldBytes()).isZero();
    }

    @Test
    void aSetAsideThatDoesNotFitTakesNothing() {
        MemoryBudget budget = new MemoryBudget(100);
        MemoryReservation results = new MemoryReservation(budget, "buffering query results");
        assertThat(results.trySetAside(101)).isFalse();
        assertThat(budget.usedBytes()).isZero();
        results.grow(5);
        results.shrink(5);
        assertThat(budget.usedBytes()).isZero();
    }
}
