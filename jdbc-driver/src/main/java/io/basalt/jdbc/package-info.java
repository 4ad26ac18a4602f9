/**
 * Basalt's JDBC 4.2 driver ({@code jdbc:basalt://host:port/}, {@code jdbc:basalt:file:DIR},
 * {@code jdbc:basalt:mem:}) and the codec of Basalt's wire protocol.
 *
 * <p>Nothing is here yet: the driver arrives with the server issue. The driver jar has no runtime
 * dependencies at all, so that a BI tool can load one small jar with no JVM flags; keep it that way.
 */
package io.basalt.jdbc;
