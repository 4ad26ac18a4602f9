package io.basalt.tpch;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshSetTest {

    @Test
    void holdsScaleFactorTimes1500OrdersWithTheirLineItems() {
        RefreshSet set = new RefreshSet(0.01, 1);
        assertThat(set.orders()).hasSize(15);
        assertThat(set.lineItems()).hasSizeBetween(15, 15 * 7);
        assertThat(set.orders()).allSatisfy(order -> assertThat(order).hasSize(9));
        assertThat(set.lineItems()).allSatisfy(item -> assertThat(item).hasSize(16));
    }

    @Test
    void newKeysLieInTheSparseGapsThatLoadedKeysLeave() {
        RefreshSet set = new RefreshSet(0.1, 2);
        Set<Long> keys = new HashSet<>(set.orderKeys());
        assertThat(keys).hasSize(150);
        // Loaded keys have bits 3 and 4 clear; set 2 sets bit 4, so no new key can equal a loaded one.
        assertThat(keys).allMatch(key -> (key & 0b11000) == 0b10000);
        for (List<String> item : set.lineItems()) {
            assertThat(keys).contains(Long.parseLong(item.get(0)));
        }
        assertThat(set.newKey(7)).isEqualTo(23);
        assertThatThrownBy(() -> set.newKey(8)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesAreSqlLiterals() {
        List<String> order = new RefreshSet(0.01, 1).orders().get(0);
        assertThat(order.get(0)).isEqualTo("9");
        assertThat(order.get(2)).matches("'[OFP]'");
        assertThat(order.get(3)).matches("[0-9]+\\.[0-9]{2}");
        assertThat(order.get(4)).matches("DATE '199[0-9]-[0-9]{2}-[0-9]{2}'");
        assertThat(new RefreshSet(0.01, 1).lineItems().get(0).get(10)).startsWith("DATE '");
        assertThatThrownBy(() -> new RefreshSet(0.01, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
