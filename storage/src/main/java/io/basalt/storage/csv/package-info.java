/**
 * Reading CSV files for bulk loading ({@code COPY t FROM 'file' (FORMAT csv, …)}).
 *
 * <h2>How a file is read</h2>
 * {@link io.basalt.storage.csv.CsvReader} is the entry point. One thread reads the file sequentially into
 * buffers of a few megabytes ({@link io.basalt.storage.csv.ChunkSplitter}) and cuts each buffer after its last
 * complete record; finding record ends needs to know what is inside quotes, which depends on everything
 * before, so this one pass is sequential ({@link io.basalt.storage.csv.RecordBoundaryScanner}) but cheap.
 * Worker threads then parse the chunks in parallel ({@link io.basalt.storage.csv.ChunkParser}), each field
 * handed as a byte range to its column's {@link io.basalt.storage.csv.ColumnDecoder}, which calls one value
 * parser per type and appends to a column vector. Results are delivered in file order, and only a bounded
 * number of chunks is in flight.
 *
 * <h2>Dialect</h2>
 * PostgreSQL's CSV format: a quote opens a quoted field only as the first byte of a field; inside, a doubled
 * quote (or the escape character before a quote or escape) stands for a quote, and delimiters and line
 * breaks are data. After the closing quote only a delimiter or the end of the line may follow. Lines end
 * with {@code \n} or {@code \r\n}; the last line may lack one. An unquoted field equal to the null string
 * (default: empty) is NULL; a quoted field never is. An empty line is a record with one empty field. A UTF-8
 * byte order mark at the start of the file is skipped.
 *
 * <h2>Values</h2>
 * Blanks around non-text values are ignored. Integers are range-checked for their declared width. DECIMAL is
 * exact and rounds extra fraction digits half away from zero. REAL and DOUBLE are correctly rounded. Dates,
 * times and timestamps must exist in the calendar. VARCHAR(n) and CHAR(n) count characters (code points);
 * CHAR values are stored as given, not padded. Text must be valid UTF-8, the only encoding accepted.
 *
 * <h2>Errors</h2>
 * The first bad row fails the read with a {@link io.basalt.storage.csv.CsvFormatException}:
 * {@code lineitem.tbl:1532: column 5 (l_quantity): invalid DECIMAL(15,2) value "12x"}, with PostgreSQL's
 * SQLSTATEs: 22P04 for the structure of the file, 22P02, 22003, 22007, 22008, 22001 and 22021 for values.
 */
package io.basalt.storage.csv;
