/**
 * The transport SPI: the contract between Basalt's JDBC driver and what runs its statements. The server
 * module implements it for embedded use ({@code jdbc:basalt:file:}, {@code jdbc:basalt:mem:}) and registers
 * its {@link io.basalt.jdbc.spi.Transport} in {@code META-INF/services}; the wire-protocol client will
 * implement it for {@code jdbc:basalt://}.
 *
 * <p>A {@link io.basalt.jdbc.spi.Transport} opens {@link io.basalt.jdbc.spi.ServerSession}s; a session runs
 * statements and answers an {@link io.basalt.jdbc.spi.ExecutionResult}: an update count or a
 * {@link io.basalt.jdbc.spi.ResultCursor} that streams columnar {@link io.basalt.jdbc.spi.ResultBatch}es.
 * {@link io.basalt.jdbc.spi.BasaltType} fixes how each SQL type is carried in a batch. Errors are
 * {@link java.sql.SQLException}s with a SQLSTATE ({@link io.basalt.jdbc.spi.SqlStates}), built with
 * {@link io.basalt.jdbc.spi.SqlExceptionFactory}; errors in the statement text carry a position
 * ({@link io.basalt.jdbc.spi.BasaltSQLException}).
 *
 * <p>Nothing here depends on anything but the JDK, and nothing newer than Java 11 is used, because the
 * driver jar is loaded alone by BI tools.
 */
package io.basalt.jdbc.spi;
