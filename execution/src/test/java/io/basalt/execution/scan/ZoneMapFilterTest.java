package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.segment.SegmentFooter;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Zone-map pruning judged on the footer of a real segment: 200,000 sorted rows in blocks of 65,536. */
class ZoneMapFilterTest {

    private static final int ROWS = 200_000;
    private static final LogicalType DECIMAL = LogicalType.decimal(30, 2);
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT, LogicalType.DOUBLE, DECIMAL,
            LogicalType.BOOLEAN, LogicalType.BIGINT);
    private static final int[] COLUMNS = {0, 1, 2, 3, 4, 5};

    @TempDir
    static Path directory;

    private static StorageEngine engine;
    private static SegmentReader reader;

    @BeforeAll
    static void writeSegment() {
        engine = StorageEngine.open(directory);
        long tableId;
        try (Transaction transaction = engine.begin()) {
            tableId = transaction.createTable(new TableDefinition(Manifest.DEFAULT_SCHEMA, "sorted", List.of(
                    ColumnDefinition.of("id", LogicalType.BIGINT), ColumnDefinition.of("name", LogicalType.TEXT),
                    ColumnDefinition.of("price", LogicalType.DOUBLE), ColumnDefinition.of("amount", DECIMAL),
                    ColumnDefinition.of("flag", LogicalType.BOOLEAN), ColumnDefinition.of("sparse", LogicalType.BIGINT)),
                    List.of(), TableOptions.DEFAULT));
            transaction.commit();
        }
        LongVector ids = new LongVector(ROWS);
        BytesVector names = new BytesVector(ROWS, ROWS * 8);
        DoubleVector prices = new DoubleVector(ROWS);
        Int128Vector amounts = new Int128Vector(ROWS);
        BooleanVector flags = new BooleanVector(ROWS);
        LongVector sparse = new LongVector(ROWS);
        for (int i = 0; i < ROWS; i++) {
            ids.append(i);
            names.append(String.format("k%06d", i));
            prices.append(i / 2.0);
            amounts.append(BigInteger.valueOf(i).shiftLeft(70));
            flags.append(i >= 150_000);
            if (i < 70_000) {
                sparse.appendNull();
            } else {
                sparse.append(i);
            }
        }
        try (Transaction transaction = engine.begin()) {
            TableAppender appender = new TableAppender(transaction, tableId);
            appender.append(new ColumnBatch(ROWS, List.of(ids, names, prices, amounts, flags, sparse)));
            appender.finish();
            transaction.commit();
        }
        PartitionEntry partition = engine.current().table(tableId).orElseThrow().defaultPartition();
        reader = SegmentReader.open(engine.layout().segmentFile(tableId, partition.partitionId(),
                partition.segments().get(0).segmentId()));
    }

    @AfterAll
    static void close() {
        reader.close();
        engine.close();
    }

    private static ColumnReference column(int index) {
        return new ColumnReference(index, TYPES.get(index));
    }

    private static Literal literal(Object value, int column) {
        return new Literal(value, TYPES.get(column));
    }

    private static Call call(Function function, Expression... arguments) {
        return Call.of(function, LogicalType.BOOLEAN, arguments);
    }

    /** The surviving row ranges as {start, end} pairs. */
    private static List<List<Integer>> surviving(Expression filter) {
        SegmentFooter footer = reader.footer();
        RowRanges ranges = ZoneMapFilter.of(Optional.of(filter), COLUMNS, TYPES).survivingRows(footer, 0, ROWS);
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            out.add(List.of(ranges.start(i), ranges.end(i)));
        }
        return out;
    }

    private static final List<List<Integer>> ALL = List.of(List.of(0, ROWS));

    @Test
    void blocksAreWhereExpected() {
        assertThat(reader.footer().blocks(0)).extracting(block -> block.rowOffset())
                .containsExactly(0, 65_536, 131_072, 196_608);
        assertThat(reader.footer().blocks(1)).extracting(block -> block.rowOffset())
                .containsExactly(0, 65_536, 131_072, 196_608);
    }

    @Test
    void comparisonsOfALongColumn() {
        assertThat(surviving(call(Function.LESS_THAN, column(0), literal(70_000L, 0)))).containsExactly(List.of(0, 131_072));
        assertThat(surviving(call(Function.LESS_THAN, column(0), literal(65_536L, 0)))).containsExactly(List.of(0, 65_536));
        assertThat(surviving(call(Function.LESS_THAN_OR_EQUAL, column(0), literal(65_536L, 0)))).containsExactly(List.of(0, 131_072));
        assertThat(surviving(call(Function.GREATER_THAN_OR_EQUAL, column(0), literal(150_000L, 0))))
                .containsExactly(List.of(131_072, ROWS));
        assertThat(surviving(call(Function.GREATER_THAN, column(0), literal(196_607L, 0)))).containsExactly(List.of(196_608, ROWS));
        assertThat(surviving(call(Function.EQUAL, column(0), literal(5L, 0)))).containsExactly(List.of(0, 65_536));
        assertThat(surviving(call(Function.GREATER_THAN, column(0), literal((long) ROWS - 1, 0)))).isEmpty();
        assertThat(surviving(call(Function.NOT_EQUAL, column(0), literal(5L, 0)))).isEqualTo(ALL);
    }

    @Test
    void aConstantOnTheLeftIsMirrored() {
        assertThat(surviving(call(Function.GREATER_THAN, literal(65_536L, 0), column(0)))).containsExactly(List.of(0, 65_536));
        assertThat(surviving(call(Function.EQUAL, literal(131_072L, 0), column(0)))).containsExactly(List.of(131_072, 196_608));
    }

    @Test
    void inListsConjunctionsAndNullChecks() {
        assertThat(surviving(call(Function.IN, column(0), literal(3L, 0), literal(150_000L, 0), Literal.nullOf(LogicalType.BIGINT))))
                .containsExactly(List.of(0, 65_536), List.of(131_072, 196_608));
        assertThat(surviving(call(Function.AND, call(Function.GREATER_THAN_OR_EQUAL, column(0), literal(70_000L, 0)),
                call(Function.LESS_THAN, column(2), literal(65_000.0, 2))))).containsExactly(List.of(65_536, 131_072));
        assertThat(surviving(call(Function.IS_NULL, column(5)))).containsExactly(List.of(0, 131_072));
        assertThat(surviving(call(Function.IS_NOT_NULL, column(5)))).containsExactly(List.of(65_536, ROWS));
        assertThat(surviving(call(Function.GREATER_THAN, column(5), literal(0L, 5)))).containsExactly(List.of(65_536, ROWS));
        assertThat(surviving(call(Function.EQUAL, column(0), Literal.nullOf(LogicalType.BIGINT)))).isEmpty();
    }

    @Test
    void stringsDoublesDecimalsAndBooleans() {
        assertThat(surviving(call(Function.LESS_THAN, column(1), literal("k000100", 1)))).containsExactly(List.of(0, 65_536));
        assertThat(surviving(call(Function.GREATER_THAN, column(1), literal("k2", 1)))).isEmpty();
        assertThat(surviving(call(Function.GREATER_THAN_OR_EQUAL, column(2), literal(99_999.5, 2))))
                .containsExactly(List.of(196_608, ROWS));
        assertThat(surviving(call(Function.LESS_THAN, column(2), literal(Double.NaN, 2)))).isEqualTo(ALL);
        assertThat(surviving(call(Function.GREATER_THAN, column(3), literal(BigInteger.valueOf(199_990).shiftLeft(70), 3))))
                .containsExactly(List.of(196_608, ROWS));
        assertThat(surviving(column(4))).containsExactly(List.of(131_072, ROWS));
        assertThat(surviving(call(Function.NOT, column(4)))).containsExactly(List.of(0, 196_608));
    }

    @Test
    void whatZoneMapsCannotJudgeKeepsEverything() {
        Expression either = call(Function.OR, call(Function.LESS_THAN, column(0), literal(5L, 0)),
                call(Function.GREATER_THAN, column(0), literal(150_000L, 0)));
        Expression otherType = call(Function.LESS_THAN, column(0), new Literal(5L, LogicalType.DATE));
        Expression computed = call(Function.LESS_THAN, Call.of(Function.ADD, LogicalType.BIGINT, column(0), literal(1L, 0)),
                literal(5L, 0));

        assertThat(surviving(either)).isEqualTo(ALL);
        assertThat(surviving(otherType)).isEqualTo(ALL);
        assertThat(surviving(computed)).isEqualTo(ALL);
        assertThat(ZoneMapFilter.of(Optional.of(either), COLUMNS, TYPES).isEmpty()).isTrue();
    }

    @Test
    void wholeSegmentsAreJudgedByTheirColumnStatistics() {
        SegmentFooter footer = reader.footer();
        assertThat(ZoneMapFilter.of(Optional.of(call(Function.GREATER_THAN, column(0), literal(300_000L, 0))), COLUMNS, TYPES)
                .excludesSegment(footer)).isTrue();
        assertThat(ZoneMapFilter.of(Optional.of(call(Function.LESS_THAN, column(0), literal(0L, 0))), COLUMNS, TYPES)
                .excludesSegment(footer)).isTrue();
        assertThat(ZoneMapFilter.of(Optional.of(call(Function.EQUAL, column(0), literal(100L, 0))), COLUMNS, TYPES)
                .excludesSegment(footer)).isFalse();
    }

    @Test
    void rowRangesSubtract() {
        RowRanges ranges = new RowRanges(0, 100);
        ranges.subtract(10, 20);
        ranges.subtract(50, 60);
        ranges.subtract(0, 5);
        ranges.subtract(55, 120);
        assertThat(ranges.size()).isEqualTo(2);
        assertThat(List.of(ranges.start(0), ranges.end(0), ranges.start(1), ranges.end(1))).containsExactly(5, 10, 20, 50);
        assertThat(ranges.rowCount()).isEqualTo(35);
        ranges.subtract(0, 100);
        assertThat(ranges.isEmpty()).isTrue();
    }
}
