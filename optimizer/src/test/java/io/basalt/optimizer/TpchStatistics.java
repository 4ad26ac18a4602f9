package io.basalt.optimizer;

import io.basalt.optimizer.statistics.ColumnStatistics;
import io.basalt.optimizer.statistics.StatisticsSource;
import io.basalt.optimizer.statistics.TableColumnStatistics;
import io.basalt.optimizer.statistics.ValuePositions;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.commit.TableEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Column statistics of TPC-H at scale factor 1 as the specification's generator makes them (distinct values and
 * ranges of the columns queries filter, group or join on), as a fake {@link StatisticsSource}: the planning tests'
 * catalog has no segment files to read statistics from. Columns not listed are taken as unique, with no range.
 */
final class TpchStatistics implements StatisticsSource {

    static final TpchStatistics SF1 = new TpchStatistics();

    /** {distinct, low, high} by column name. */
    private static final Map<String, double[]> COLUMNS = new HashMap<>();

    static {
        number("r_regionkey", 5, 0, 4);
        text("r_name", 5, "AFRICA", "MIDDLE EAST");
        number("n_nationkey", 25, 0, 24);
        text("n_name", 25, "ALGERIA", "VIETNAM");
        number("n_regionkey", 5, 0, 4);
        number("s_suppkey", 10_000, 1, 10_000);
        number("s_nationkey", 25, 0, 24);
        number("s_acctbal", 9_955, -999.99, 9999.99);
        number("c_custkey", 150_000, 1, 150_000);
        number("c_nationkey", 25, 0, 24);
        text("c_mktsegment", 5, "AUTOMOBILE", "MACHINERY");
        number("c_acctbal", 140_187, -999.99, 9999.99);
        number("p_partkey", 200_000, 1, 200_000);
        text("p_mfgr", 5, "Manufacturer#1", "Manufacturer#5");
        text("p_brand", 25, "Brand#11", "Brand#55");
        text("p_type", 150, "ECONOMY ANODIZED BRASS", "STANDARD POLISHED TIN");
        number("p_size", 50, 1, 50);
        text("p_container", 40, "JUMBO BAG", "WRAP PKG");
        number("p_retailprice", 20_899, 901, 2098.99);
        number("ps_partkey", 200_000, 1, 200_000);
        number("ps_suppkey", 10_000, 1, 10_000);
        number("ps_availqty", 9_999, 1, 9_999);
        number("ps_supplycost", 99_865, 1, 1000);
        number("o_orderkey", 1_500_000, 1, 6_000_000);
        number("o_custkey", 99_996, 1, 149_999);
        text("o_orderstatus", 3, "F", "P");
        number("o_totalprice", 1_464_556, 857.71, 555285.16);
        date("o_orderdate", 2_406, "1992-01-01", "1998-08-02");
        text("o_orderpriority", 5, "1-URGENT", "5-LOW");
        number("o_shippriority", 1, 0, 0);
        number("l_orderkey", 1_500_000, 1, 6_000_000);
        number("l_partkey", 200_000, 1, 200_000);
        number("l_suppkey", 10_000, 1, 10_000);
        number("l_linenumber", 7, 1, 7);
        number("l_quantity", 50, 1, 50);
        number("l_extendedprice", 933_900, 901, 104949.5);
        number("l_discount", 11, 0, 0.1);
        number("l_tax", 9, 0, 0.08);
        text("l_returnflag", 3, "A", "R");
        text("l_linestatus", 2, "F", "O");
        date("l_shipdate", 2_526, "1992-01-02", "1998-12-01");
        date("l_commitdate", 2_466, "1992-01-31", "1998-10-31");
        date("l_receiptdate", 2_554, "1992-01-04", "1998-12-31");
        text("l_shipinstruct", 4, "COLLECT COD", "TAKE BACK RETURN");
        text("l_shipmode", 7, "AIR", "TRUCK");
    }

    private TpchStatistics() {
    }

    @Override
    public Optional<TableColumnStatistics> statistics(TableEntry table) {
        double rows = table.rowCount();
        List<ColumnStatistics> columns = new ArrayList<>();
        for (ColumnDefinition column : table.definition().columns()) {
            double[] known = COLUMNS.getOrDefault(column.name(), new double[] {rows, Double.NaN, Double.NaN});
            columns.add(new ColumnStatistics(rows, 0, Math.min(known[0], rows), known[1], known[2]));
        }
        return Optional.of(new TableColumnStatistics(columns, Map.of()));
    }

    private static void number(String column, double distinct, double low, double high) {
        COLUMNS.put(column, new double[] {distinct, low, high});
    }

    private static void text(String column, double distinct, String low, String high) {
        COLUMNS.put(column, new double[] {distinct, ValuePositions.of(low), ValuePositions.of(high)});
    }

    private static void date(String column, double distinct, String low, String high) {
        COLUMNS.put(column, new double[] {distinct, LocalDate.parse(low).toEpochDay(), LocalDate.parse(high).toEpochDay()});
    }
}
