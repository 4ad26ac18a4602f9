package io.basalt.storage.csv;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Writes CSV files and reads them back as rows of plain Java values, so tests compare whole tables. */
final class CsvTestSupport {

    private CsvTestSupport() {
    }

    static Path write(Path directory, String name, String content) {
        return write(directory, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path directory, String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CsvColumn> columns(Object... namesAndTypes) {
        List<CsvColumn> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new CsvColumn((String) namesAndTypes[i], (LogicalType) namesAndTypes[i + 1]));
        }
        return columns;
    }

    static List<List<Object>> read(Path file, List<CsvColumn> columns, CsvOptions options) {
        return read(CsvReader.builder(file, columns).options(options).build());
    }

    static List<List<Object>> read(CsvReader reader) {
        List<List<Object>> rows = new ArrayList<>();
        reader.read(batch -> rows.addAll(toRows(batch, reader.columns())));
        return rows;
    }

    static List<List<Object>> toRows(ColumnBatch batch, List<CsvColumn> columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            Object[] values = new Object[columns.size()];
            for (int column = 0; column < columns.size(); column++) {
                values[column] = value(batch.column(column), row, columns.get(column).type());
            }
            rows.add(Arrays.asList(values));
        }
        return rows;
    }

    /** DECIMAL as BigDecimal, DATE/TIME/TIMESTAMP as java.time, text as String, NULL as null. */
    static Object value(ColumnVector vector, int row, LogicalType type) {
        if (vector.isNull(row)) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> ((BooleanVector) vector).get(row);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> ((LongVector) vector).get(row);
            case DECIMAL -> vector instanceof Int128Vector wide
                    ? new BigDecimal(wide.getBigInteger(row), type.scale())
                    : new BigDecimal(BigInteger.valueOf(((LongVector) vector).get(row)), type.scale());
            case REAL, DOUBLE -> ((DoubleVector) vector).get(row);
            case DATE -> LocalDate.ofEpochDay(((LongVector) vector).get(row));
            case TIME -> LocalTime.ofNanoOfDay(((LongVector) vector).get(row) * 1000);
            case TIMESTAMP -> {
                long micros = ((LongVector) vector).get(row);
                yield LocalDateTime.of(LocalDate.ofEpochDay(Math.floorDiv(micros, 86_400_000_000L)), LocalTime.MIDNIGHT)
                        .plusNanos(Math.floorMod(micros, 86_400_000_000L) * 1000);
            }
            case VARCHAR, CHAR -> ((BytesVector) vector).getString(row);
        };
    }

    /** A row of values, allowing nulls (List.of does not). */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
