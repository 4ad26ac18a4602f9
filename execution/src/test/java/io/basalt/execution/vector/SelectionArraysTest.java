package io.basalt.execution.vector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionArraysTest {

    @Test
    void anArrayGivenBackIsTheNextOneTakenOfItsLength() {
        int[] first = SelectionArrays.take(1000);
        assertThat(first).hasSize(1000);
        SelectionArrays.giveBack(first);

        assertThat(SelectionArrays.take(1000)).isSameAs(first);
    }

    @Test
    void aThreadThatDropsItsArraysKeepsNone() {
        int[] given = SelectionArrays.take(1000);
        SelectionArrays.giveBack(given);

        SelectionArrays.dropKept();

        assertThat(SelectionArrays.take(1000)).isNotSameAs(given);
    }

    @Test
    void nestedUsersGetDistinctArrays() {
        int[] outer = SelectionArrays.take(64);
        int[] inner = SelectionArrays.take(64);
        assertThat(inner).isNotSameAs(outer);
        SelectionArrays.giveBack(inner);
        SelectionArrays.giveBack(outer);
    }

    @Test
    void anotherLengthIsNewAndLeavesTheRecycledArrayForItsOwnUsers() {
        int[] small = SelectionArrays.take(16);
        SelectionArrays.giveBack(small);

        int[] large = SelectionArrays.take(32);
        assertThat(large).hasSize(32).isNotSameAs(small);
        assertThat(SelectionArrays.take(16)).isSameAs(small);
    }

    @Test
    void aThreadKeepsABoundedNumberOfArrays() throws InterruptedException {
        // On a new thread: other tests may have left arrays with this one.
        AtomicReference<Long> reused = new AtomicReference<>();
        Thread fresh = new Thread(() -> reused.set(arraysReusedAfterGivingBackMoreThanKept()));
        fresh.start();
        fresh.join();

        assertThat(reused.get()).isEqualTo(SelectionArrays.KEPT_PER_THREAD);
    }

    private static long arraysReusedAfterGivingBackMoreThanKept() {
        List<int[]> taken = new ArrayList<>();
        for (int i = 0; i < SelectionArrays.KEPT_PER_THREAD + 5; i++) {
            taken.add(SelectionArrays.take(8));
        }
        taken.forEach(SelectionArrays::giveBack);

        List<int[]> again = new ArrayList<>();
        for (int i = 0; i < SelectionArrays.KEPT_PER_THREAD + 5; i++) {
            again.add(SelectionArrays.take(8));
        }
        return again.stream().filter(array -> taken.stream().anyMatch(old -> old == array)).count();
    }

    @Test
    void threadsDoNotShareArrays() throws InterruptedException {
        int[] mine = SelectionArrays.take(128);
        SelectionArrays.giveBack(mine);
        AtomicReference<int[]> theirs = new AtomicReference<>();
        Thread other = new Thread(() -> theirs.set(SelectionArrays.take(128)));
        other.start();
        other.join();

        assertThat(theirs.get()).isNotSameAs(mine);
        assertThat(SelectionArrays.take(128)).isSameAs(mine);
    }
}
