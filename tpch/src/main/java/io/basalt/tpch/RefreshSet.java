package io.basalt.tpch;

import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of a TPC-H refresh: SF × 1,500 new orders and their line items, which RF1 inserts and RF2 deletes
 * again.
 *
 * <p>{@code io.trino.tpch} generates no refresh sets (dbgen's {@code -U}), so they are derived here,
 * deterministically, in the key space the specification reserves for them. dbgen's order keys are sparse:
 * of every 32 keys only the first 8 are loaded (key bits 3 and 4 are zero), and refresh set {@code n} puts
 * {@code n} into those two bits (dbgen's {@code mk_sparse}). Set {@code n} here takes the orders of the
 * generators' part {@code n} of 1,000 (exactly SF × 1,500 orders, with their line items) and gives each
 * order key those bits, so that new keys never collide with loaded ones, customers, parts and suppliers are
 * valid, and dates and prices follow the specification's distributions. The values themselves repeat those
 * of the loaded orders they come from, unlike dbgen's, which no query result depends on once RF2 has run.
 */
final class RefreshSet {

    /** Parts the order space is cut into: one part is SF × 1,500 orders, the specification's refresh size. */
    private static final int PARTS = 1000;

    private final int number;
    private final List<List<String>> orders = new ArrayList<>();
    private final List<List<String>> lineItems = new ArrayList<>();
    private final Set<Long> orderKeys = new LinkedHashSet<>();

    RefreshSet(double scaleFactor, int number) {
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("refresh sets are numbered 1 to 3 (two key bits), not " + number);
        }
        this.number = number;
        for (Order order : new OrderGenerator(scaleFactor, number, PARTS)) {
            orderKeys.add(newKey(order.getOrderKey()));
            orders.add(literals(TpchTable.ORDERS, order, newKey(order.getOrderKey())));
        }
        for (LineItem item : new LineItemGenerator(scaleFactor, number, PARTS)) {
            lineItems.add(literals(TpchTable.LINE_ITEM, item, newKey(item.getOrderKey())));
        }
    }

    int number() {
        return number;
    }

    /** Each new order as SQL literals in column order. */
    List<List<String>> orders() {
        return orders;
    }

    List<List<String>> lineItems() {
        return lineItems;
    }

    List<Long> orderKeys() {
        return List.copyOf(orderKeys);
    }

    /** The loaded key with this set's number in the two sparse bits (3 and 4), which loaded keys leave zero. */
    long newKey(long loadedKey) {
        if ((loadedKey & 0b11000) != 0) {
            throw new IllegalStateException("order key " + loadedKey + " is not a loaded (sparse) key");
        }
        return loadedKey | ((long) number << 3);
    }

    /** The row's dbgen text fields as SQL literals (dates and text quoted), with its order key replaced. */
    private static <E extends TpchEntity> List<String> literals(TpchTable<E> table, E row, long orderKey) {
        String[] fields = row.toLine().split("\\|");
        List<TpchColumn<E>> columns = table.getColumns();
        List<String> literals = new ArrayList<>(columns.size());
        literals.add(Long.toString(orderKey));
        for (int i = 1; i < columns.size(); i++) {
            TpchColumnType.Base type = columns.get(i).getType().getBase();
            String field = fields[i];
            if (type == TpchColumnType.Base.DATE) {
                literals.add("DATE '" + field + "'");
            } else if (type == TpchColumnType.Base.VARCHAR) {
                literals.add("'" + field.replace("'", "''") + "'");
            } else {
                literals.add(field);
            }
        }
        return literals;
    }
}
