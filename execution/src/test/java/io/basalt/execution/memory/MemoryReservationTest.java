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
}
