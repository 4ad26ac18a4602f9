package io.basalt.execution.memory;

import io.basalt.execution.ExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Child reservations (one thread's share of an operator's) and prepaying the bound of a step. */
class MemoryReservationChildTest {

    @Test
    void whatAChildHoldsItsParentHoldsToo() {
        MemoryBudget budget = new MemoryBudget(1_000);
        MemoryReservation operator = new MemoryReservation(budget, "aggregating");
        MemoryReservation worker = operator.child();
        worker.grow(300);
        assertThat(worker.heldBytes()).isEqualTo(300);
        assertThat(operator.heldBytes()).isEqualTo(300);
        assertThat(operator.peakBytes()).isEqualTo(300);
        worker.shrink(100);
        assertThat(operator.heldBytes()).isEqualTo(200);
        assertThat(budget.usedBytes()).isEqualTo(200);
        worker.close();
        assertThat(operator.heldBytes()).isZero();
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void growDrawsOnPrepaidBytesFirstAndTheRestGoesBack() {
        MemoryBudget budget = new MemoryBudget(1_000);
        MemoryReservation worker = new MemoryReservation(budget, "aggregating").child();
        assertThat(worker.tryPrepay(600)).isTrue();
        assertThat(budget.usedBytes()).isEqualTo(600);
        // Another thread cannot take the prepaid bytes in between.
        MemoryReservation other = new MemoryReservation(budget, "sorting");
        assertThat(other.tryGrow(500)).isFalse();
        worker.grow(250);
        worker.grow(100);
        assertThat(budget.usedBytes()).isEqualTo(600);
        worker.releasePrepaid();
        assertThat(budget.usedBytes()).isEqualTo(350);
        assertThat(worker.heldBytes()).isEqualTo(350);
    }

    @Test
    void aPrepaymentThatDoesNotFitTakesNothing() {
        MemoryBudget budget = new MemoryBudget(1_000);
        MemoryReservation worker = new MemoryReservation(budget, "aggregating").child();
        worker.grow(700);
        assertThat(worker.tryPrepay(400)).isFalse();
        assertThat(budget.usedBytes()).isEqualTo(700);
        assertThatThrownBy(() -> worker.grow(400))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("53200"))
                .hasMessageContaining("aggregating");
    }

    @Test
    void growBeyondThePrepaymentTakesTheRestFromTheBudget() {
        MemoryBudget budget = new MemoryBudget(1_000);
        MemoryReservation operator = new MemoryReservation(budget, "aggregating");
        MemoryReservation worker = operator.child();
        assertThat(worker.tryPrepay(100)).isTrue();
        worker.grow(300);
        worker.releasePrepaid();
        assertThat(budget.usedBytes()).isEqualTo(300);
        operator.close();
        assertThat(budget.usedBytes()).isZero();
    }
}
