/**
 * Basalt's JDBC 4.2 driver: {@link io.basalt.jdbc.BasaltDriver} accepts {@code jdbc:basalt:file:DIR},
 * {@code jdbc:basalt:mem:[NAME]} and {@code jdbc:basalt://HOST[:PORT]/}, and opens each connection through
 * the {@link io.basalt.jdbc.spi.Transport} that serves the URL (the embedded one comes with
 * {@code basalt.jar}; the socket one will be built in).
 *
 * <p>The path of a query: {@link io.basalt.jdbc.BasaltStatement} (or
 * {@link io.basalt.jdbc.BasaltPreparedStatement}) starts a {@code RunningQuery} (timeout, cancel), calls the
 * session through the connection's {@code SessionChannel} (one call at a time), and wraps a returned cursor
 * in a {@link io.basalt.jdbc.BasaltResultSet}, which pulls columnar batches as rows are read and converts
 * values with the accessors of {@link io.basalt.jdbc.value}.
 *
 * <p>The driver jar has no runtime dependencies at all and uses nothing newer than Java 11, so that a BI
 * tool can load it alone with no JVM flags; keep it that way (the build and {@code Java11CompatibilityTest}
 * check).
 */
package io.basalt.jdbc;
