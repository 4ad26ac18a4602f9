package io.basalt.server.sqllogictest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the sqllogictest format as DuckDB and DataFusion use it: records separated by blank lines, each a
 * header line ({@code statement ok}, {@code statement error [SQLSTATE]}, {@code query TYPES [rowsort]}),
 * the SQL (one or more lines), and for queries and errors an optional {@code ----} followed by the expected
 * output. Lines starting with {@code #} are comments.
 */
final class SqlLogicTestParser {

    private SqlLogicTestParser() {
    }

    static List<SqlLogicTestRecord> parse(String fileName, List<String> lines) {
        List<SqlLogicTestRecord> records = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String header = lines.get(i).trim();
            if (header.isEmpty() || header.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            i++;
            StringBuilder sql = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
                sql.append(sql.length() == 0 ? "" : "\n").append(lines.get(i));
                i++;
            }
            List<String> expected = new ArrayList<>();
            if (i < lines.size() && lines.get(i).equals("----")) {
                i++;
                while (i < lines.size() && !lines.get(i).isEmpty()) {
                    expected.add(lines.get(i));
                    i++;
                }
            }
            String text = stripTrailingSemicolon(sql.toString());
            String[] words = header.split("\\s+");
            if (header.equals("statement ok")) {
                records.add(new SqlLogicTestRecord.StatementOk(start, text));
            } else if (words[0].equals("statement") && words.length >= 2 && words[1].equals("error")) {
                records.add(new SqlLogicTestRecord.StatementError(start, text, words.length > 2 ? words[2] : null,
                        expected.isEmpty() ? null : String.join("\n", expected)));
            } else if (words[0].equals("query") && words.length >= 2) {
                boolean rowSort = words.length > 2 && words[2].equals("rowsort");
                records.add(new SqlLogicTestRecord.Query(start, text, words[1], rowSort, expected));
            } else {
                throw new IllegalArgumentException(fileName + ":" + start + ": unknown record header '" + header + "'");
            }
        }
        return records;
    }

    private static String stripTrailingSemicolon(String sql) {
        String trimmed = sql.strip();
        return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
