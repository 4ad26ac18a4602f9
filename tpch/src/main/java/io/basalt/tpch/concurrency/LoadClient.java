package io.basalt.tpch.concurrency;

import io.basalt.tpch.AnswerComparator;
import io.basalt.tpch.ExpectedAnswer;
import io.basalt.tpch.QueryResults;
import io.basalt.tpch.TpchQueries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One client of the load test, on its own connection: until the deadline it runs the TPC-H queries in turn
 * (starting at a query of its own, so that the clients do not move in step), checking each answer, with a
 * one-row INSERT of its next sequence number first and then after every {@link #QUERIES_PER_INSERT} queries. An error
 * or a wrong answer is counted and the client carries on, so one run reports all of them.
 */
final class LoadClient implements Callable<LoadClient.Outcome> {

    static final int QUERIES_PER_INSERT = 3;
    private static final int PROBLEMS_KEPT = 5;

    /** What one client did. {@code insertedRows} is also its next sequence number: rows 0..n-1 were inserted. */
    record Outcome(LatencySamples queries, LatencySamples inserts, long insertedRows, int wrongAnswers, int errors,
                   List<String> firstProblems) {
    }

    private final int number;
    private final Connection connection;
    private final List<Integer> queries;
    private final Map<Integer, ExpectedAnswer> answers;
    private final String insertTable;
    private final long deadlineNanos;

    LoadClient(int number, Connection connection, List<Integer> queries, Map<Integer, ExpectedAnswer> answers,
               String insertTable, long deadlineNanos) {
        this.number = number;
        this.connection = connection;
        this.queries = queries;
        this.answers = answers;
        this.insertTable = insertTable;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public Outcome call() throws SQLException {
        LatencySamples queryLatencies = new LatencySamples();
        LatencySamples insertLatencies = new LatencySamples();
        List<String> problems = new ArrayList<>();
        long inserted = 0;
        int wrong = 0;
        int errors = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + insertTable + " VALUES (?, ?, ?)")) {
            for (long operation = 0; System.nanoTime() < deadlineNanos; operation++) {
                // The first operation is an INSERT, so every client that ran at all inserted.
                boolean inserting = operation % (QUERIES_PER_INSERT + 1) == 0;
                int query = queries.get((int) ((number + operation) % queries.size()));
                long start = System.nanoTime();
                try {
                    if (inserting) {
                        insert.setInt(1, number);
                        insert.setLong(2, inserted);
                        insert.setString(3, "client " + number + " row " + inserted);
                        int count = insert.executeUpdate();
                        insertLatencies.add(System.nanoTime() - start);
                        if (count != 1) {
                            errors++;
                            keep(problems, "INSERT reported " + count + " rows, expected 1");
                        }
                        inserted++;
                    } else {
                        List<List<Object>> rows = QueryResults.fetch(connection, TpchQueries.text(query));
                        queryLatencies.add(System.nanoTime() - start);
                        Optional<String> difference = AnswerComparator.firstDifference(answers.get(query), rows);
                        if (difference.isPresent()) {
                            wrong++;
                            keep(problems, "Q" + query + " WRONG: " + difference.get());
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    errors++;
                    keep(problems, (inserting ? "INSERT" : "Q" + query) + ": " + e.getMessage()
                            + (e instanceof SQLException sql ? " (SQLSTATE " + sql.getSQLState() + ")" : ""));
                    if (inserting) {
                        // The row may or may not be there: the final count tells, so the sequence moves on.
                        inserted++;
                    }
                }
            }
        }
        return new Outcome(queryLatencies, insertLatencies, inserted, wrong, errors, problems);
    }

    private void keep(List<String> problems, String problem) {
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add("client " + number + ": " + problem);
        }
    }
}
