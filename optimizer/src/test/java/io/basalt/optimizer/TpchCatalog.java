package io.basalt.optimizer;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.type.LogicalType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The eight TPC-H tables with the standard DDL (TPC-H's dss.ddl: INTEGER keys, DECIMAL(15,2) money, DATE,
 * CHAR/VARCHAR, every column NOT NULL) and their primary and foreign keys, created through storage's
 * transactions like any user table.
 */
final class TpchCatalog {

    /** Rows per table at scale factor 1. */
    static final Map<String, Long> SF1_ROWS = Map.of(
            "region", 5L, "nation", 25L, "supplier", 10_000L, "customer", 150_000L, "part", 200_000L,
            "partsupp", 800_000L, "orders", 1_500_000L, "lineitem", 6_001_215L);

    private static final LogicalType MONEY = LogicalType.decimal(15, 2);

    private TpchCatalog() {
    }

    /** Creates the tables (empty) in a new data directory and returns the committed manifest. */
    static Manifest create(Path directory) {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            try (Transaction transaction = engine.begin()) {
                for (TableDefinition table : definitions()) {
                    transaction.createTable(table);
                }
                transaction.commit();
            }
            return engine.current();
        }
    }

    /**
     * The same catalog as if loaded at scale factor 1: each table gets one (never written) segment entry with
     * TPC-H's row count, so the planner's statistics are realistic. Nothing reads these segments.
     */
    static Manifest atScaleFactorOne(Manifest empty) {
        TreeMap<Long, TableEntry> tables = new TreeMap<>();
        long nextId = empty.nextId();
        for (TableEntry table : empty.tables().values()) {
            long rows = SF1_ROWS.get(table.definition().name());
            PartitionEntry partition = table.defaultPartition();
            PartitionEntry loaded = new PartitionEntry(partition.partitionId(), Optional.empty(),
                    List.of(SegmentEntry.of(nextId++, rows, rows * 100)));
            tables.put(table.tableId(), new TableEntry(table.tableId(), table.definition(), List.of(loaded),
                    table.lastRewriteVersion()));
        }
        return new Manifest(empty.version() + 1, nextId, empty.commitTimeMillis(), empty.schemas(), tables);
    }

    static List<TableDefinition> definitions() {
        List<TableDefinition> tables = new ArrayList<>();
        tables.add(table("region", List.of(
                        key("r_regionkey"), text("r_name", LogicalType.character(25)),
                        text("r_comment", LogicalType.varchar(152))),
                List.of(new Constraint.PrimaryKey("region_pk", List.of("r_regionkey")))));
        tables.add(table("nation", List.of(
                        key("n_nationkey"), text("n_name", LogicalType.character(25)), key("n_regionkey"),
                        text("n_comment", LogicalType.varchar(152))),
                List.of(new Constraint.PrimaryKey("nation_pk", List.of("n_nationkey")),
                        foreignKey("nation_fk1", "n_regionkey", "region", "r_regionkey"))));
        tables.add(table("part", List.of(
                        key("p_partkey"), text("p_name", LogicalType.varchar(55)), text("p_mfgr", LogicalType.character(25)),
                        text("p_brand", LogicalType.character(10)), text("p_type", LogicalType.varchar(25)),
                        ColumnDefinition.notNull("p_size", LogicalType.INTEGER),
                        text("p_container", LogicalType.character(10)), ColumnDefinition.notNull("p_retailprice", MONEY),
                        text("p_comment", LogicalType.varchar(23))),
                List.of(new Constraint.PrimaryKey("part_pk", List.of("p_partkey")))));
        tables.add(table("supplier", List.of(
                        key("s_suppkey"), text("s_name", LogicalType.character(25)),
                        text("s_address", LogicalType.varchar(40)), key("s_nationkey"),
                        text("s_phone", LogicalType.character(15)), ColumnDefinition.notNull("s_acctbal", MONEY),
                        text("s_comment", LogicalType.varchar(101))),
                List.of(new Constraint.PrimaryKey("supplier_pk", List.of("s_suppkey")),
                        foreignKey("supplier_fk1", "s_nationkey", "nation", "n_nationkey"))));
        tables.add(table("partsupp", List.of(
                        key("ps_partkey"), key("ps_suppkey"), ColumnDefinition.notNull("ps_availqty", LogicalType.INTEGER),
                        ColumnDefinition.notNull("ps_supplycost", MONEY), text("ps_comment", LogicalType.varchar(199))),
                List.of(new Constraint.PrimaryKey("partsupp_pk", List.of("ps_partkey", "ps_suppkey")),
                        foreignKey("partsupp_fk1", "ps_suppkey", "supplier", "s_suppkey"),
                        foreignKey("partsupp_fk2", "ps_partkey", "part", "p_partkey"))));
        tables.add(table("customer", List.of(
                        key("c_custkey"), text("c_name", LogicalType.varchar(25)),
                        text("c_address", LogicalType.varchar(40)), key("c_nationkey"),
                        text("c_phone", LogicalType.character(15)), ColumnDefinition.notNull("c_acctbal", MONEY),
                        text("c_mktsegment", LogicalType.character(10)), text("c_comment", LogicalType.varchar(117))),
                List.of(new Constraint.PrimaryKey("customer_pk", List.of("c_custkey")),
                        foreignKey("customer_fk1", "c_nationkey", "nation", "n_nationkey"))));
        tables.add(table("orders", List.of(
                        key("o_orderkey"), key("o_custkey"), text("o_orderstatus", LogicalType.character(1)),
                        ColumnDefinition.notNull("o_totalprice", MONEY),
                        ColumnDefinition.notNull("o_orderdate", LogicalType.DATE),
                        text("o_orderpriority", LogicalType.character(15)), text("o_clerk", LogicalType.character(15)),
                        ColumnDefinition.notNull("o_shippriority", LogicalType.INTEGER),
                        text("o_comment", LogicalType.varchar(79))),
                List.of(new Constraint.PrimaryKey("orders_pk", List.of("o_orderkey")),
                        foreignKey("orders_fk1", "o_custkey", "customer", "c_custkey"))));
        tables.add(table("lineitem", List.of(
                        key("l_orderkey"), key("l_partkey"), key("l_suppkey"),
                        ColumnDefinition.notNull("l_linenumber", LogicalType.INTEGER),
                        ColumnDefinition.notNull("l_quantity", MONEY), ColumnDefinition.notNull("l_extendedprice", MONEY),
                        ColumnDefinition.notNull("l_discount", MONEY), ColumnDefinition.notNull("l_tax", MONEY),
                        text("l_returnflag", LogicalType.character(1)), text("l_linestatus", LogicalType.character(1)),
                        ColumnDefinition.notNull("l_shipdate", LogicalType.DATE),
                        ColumnDefinition.notNull("l_commitdate", LogicalType.DATE),
                        ColumnDefinition.notNull("l_receiptdate", LogicalType.DATE),
                        text("l_shipinstruct", LogicalType.character(25)), text("l_shipmode", LogicalType.character(10)),
                        text("l_comment", LogicalType.varchar(44))),
                List.of(new Constraint.PrimaryKey("lineitem_pk", List.of("l_orderkey", "l_linenumber")),
                        foreignKey("lineitem_fk1", "l_orderkey", "orders", "o_orderkey"),
                        new Constraint.ForeignKey("lineitem_fk2", List.of("l_partkey", "l_suppkey"), Manifest.DEFAULT_SCHEMA,
                                "partsupp", List.of("ps_partkey", "ps_suppkey")))));
        return tables;
    }

    private static TableDefinition table(String name, List<ColumnDefinition> columns, List<Constraint> constraints) {
        return new TableDefinition(Manifest.DEFAULT_SCHEMA, name, columns, constraints, TableOptions.DEFAULT);
    }

    private static ColumnDefinition key(String name) {
        return ColumnDefinition.notNull(name, LogicalType.INTEGER);
    }

    private static ColumnDefinition text(String name, LogicalType type) {
        return ColumnDefinition.notNull(name, type);
    }

    private static Constraint foreignKey(String name, String column, String table, String referenced) {
        return new Constraint.ForeignKey(name, List.of(column), Manifest.DEFAULT_SCHEMA, table, List.of(referenced));
    }
}
