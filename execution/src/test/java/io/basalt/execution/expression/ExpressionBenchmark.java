package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static io.basalt.execution.expression.TestVectors.call;
import static io.basalt.execution.expression.TestVectors.column;
import static io.basalt.execution.expression.TestVectors.literal;
import static io.basalt.execution.expression.TestVectors.vector;

/**
 * A rough throughput check of the kernels TPC-H leans on, in nanoseconds per row over 4,096-row batches of
 * lineitem-like data. Not a test (speed is never asserted); run it by hand:
 * {@code java -cp execution/target/classes:execution/target/test-classes:storage/target/classes
 * io.basalt.execution.expression.ExpressionBenchmark}. JMH would be more rigorous; this is for orders of
 * magnitude.
 */
public final class ExpressionBenchmark {

    private static final int ROWS = 4096;
    private static final LogicalType MONEY = LogicalType.decimal(15, 2);
    private static final LogicalType BOOLEAN = LogicalType.BOOLEAN;
    private static final LogicalType TEXT = LogicalType.TEXT;

    private ExpressionBenchmark() {
    }

    public static void main(String[] arguments) {
        Random random = new Random(1);
        Object[] dates = new Object[ROWS];
        Object[] prices = new Object[ROWS];
        Object[] discounts = new Object[ROWS];
        Object[] taxes = new Object[ROWS];
        Object[] comments = new Object[ROWS];
        Object[] types = new Object[ROWS];
        String[] words = {"special", "requests", "furiously", "carefully", "packages", "deposits", "ironic", "final"};
        for (int i = 0; i < ROWS; i++) {
            dates[i] = java.time.LocalDate.of(1992, 1, 1).plusDays(random.nextInt(2500));
            prices[i] = BigDecimal.valueOf(90_000 + random.nextInt(10_000_000), 2);
            discounts[i] = BigDecimal.valueOf(random.nextInt(11), 2);
            taxes[i] = BigDecimal.valueOf(random.nextInt(9), 2);
            StringBuilder comment = new StringBuilder();
            for (int w = 0; w < 6; w++) {
                comment.append(words[random.nextInt(words.length)]).append(' ');
            }
            comments[i] = comment.toString();
            types[i] = (random.nextInt(5) == 0 ? "PROMO " : "STANDARD ") + words[random.nextInt(words.length)];
        }
        ColumnBatch batch = new ColumnBatch(ROWS, java.util.List.of(vector(LogicalType.DATE, dates), vector(MONEY, prices),
                vector(MONEY, discounts), vector(MONEY, taxes), vector(TEXT, comments), vector(TEXT, types)));
        Expression date = column(0, LogicalType.DATE);
        Expression price = column(1, MONEY);
        Expression discount = column(2, MONEY);
        Expression tax = column(3, MONEY);
        Expression one = literal(1L, LogicalType.decimal(1, 0));
        Expression discounted = call(Function.MULTIPLY, LogicalType.decimal(31, 4), price,
                call(Function.SUBTRACT, LogicalType.decimal(16, 2), one, discount));
        Map<String, Expression> cases = new LinkedHashMap<>();
        cases.put("l_shipdate <= date (filter)", call(Function.LESS_THAN_OR_EQUAL, BOOLEAN, date, literal("1998-09-02", LogicalType.DATE)));
        cases.put("1 - l_discount", call(Function.SUBTRACT, LogicalType.decimal(16, 2), one, discount));
        cases.put("l_extendedprice + l_extendedprice", call(Function.ADD, LogicalType.decimal(16, 2), price, price));
        cases.put("price * (1 - discount) [128-bit]", discounted);
        cases.put("Q1 charge: ... * (1 + tax) [128-bit]", call(Function.MULTIPLY, LogicalType.decimal(38, 6), discounted,
                call(Function.ADD, LogicalType.decimal(16, 2), one, tax)));
        cases.put("Q6 filter (AND of 5 comparisons)", call(Function.AND, BOOLEAN,
                call(Function.GREATER_THAN_OR_EQUAL, BOOLEAN, date, literal("1994-01-01", LogicalType.DATE)),
                call(Function.LESS_THAN, BOOLEAN, date, literal("1995-01-01", LogicalType.DATE)),
                call(Function.GREATER_THAN_OR_EQUAL, BOOLEAN, discount, literal(new BigDecimal("0.05"), LogicalType.decimal(3, 2))),
                call(Function.LESS_THAN_OR_EQUAL, BOOLEAN, discount, literal(new BigDecimal("0.07"), LogicalType.decimal(3, 2))),
                call(Function.LESS_THAN, BOOLEAN, tax, literal(24L, LogicalType.INTEGER))));
        cases.put("comment LIKE '%special%requests%'", call(Function.LIKE, BOOLEAN, column(4, TEXT), literal("%special%requests%", TEXT)));
        cases.put("type LIKE 'PROMO%'", call(Function.LIKE, BOOLEAN, column(5, TEXT), literal("PROMO%", TEXT)));
        cases.put("CASE WHEN type LIKE 'PROMO%' THEN price*(1-disc) ELSE 0", call(Function.CASE, LogicalType.decimal(31, 4),
                call(Function.LIKE, BOOLEAN, column(5, TEXT), literal("PROMO%", TEXT)), discounted, literal(0L, LogicalType.decimal(31, 4))));
        cases.put("EXTRACT(YEAR FROM l_shipdate)", call(Function.EXTRACT_YEAR, LogicalType.BIGINT, date));
        cases.put("price / discount [DECIMAL(38,6)]", call(Function.DIVIDE, LogicalType.decimal(38, 6), price,
                call(Function.ADD, LogicalType.decimal(16, 2), discount, literal(new BigDecimal("0.01"), LogicalType.decimal(3, 2)))));
        cases.put("CAST(price AS VARCHAR)", call(Function.CAST, TEXT, price));
        for (int round = 0; round < 3; round++) {
            System.out.println("round " + (round + 1));
            run(cases, batch);
        }
    }

    private static void run(Map<String, Expression> cases, ColumnBatch batch) {
        for (Map.Entry<String, Expression> entry : cases.entrySet()) {
            CompiledExpression compiled = ExpressionCompiler.compile(entry.getValue());
            long sink = 0;
            for (int warmup = 0; warmup < 3000; warmup++) {
                sink += compiled.evaluate(batch).positionCount();
            }
            int iterations = 5000;
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                ColumnVector result = compiled.evaluate(batch);
                sink += result.positionCount();
            }
            double nanosPerRow = (System.nanoTime() - start) / (double) iterations / ROWS;
            System.out.printf("%-58s %7.2f ns/row%s%n", entry.getKey(), nanosPerRow, sink == 42 ? "!" : "");
        }
    }
}
