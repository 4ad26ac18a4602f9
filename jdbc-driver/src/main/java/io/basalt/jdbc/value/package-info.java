/**
 * The driver's value handling: reading typed values out of columnar result batches
 * ({@link io.basalt.jdbc.value.ColumnAccessor} and its subclasses), the conversions JDBC getters and
 * {@code setObject} allow between types ({@link io.basalt.jdbc.value.ValueConverter}), and the bridges
 * between {@code java.time} and the legacy {@code java.sql} date-time classes. Internal to the driver: not
 * an API for applications.
 */
package io.basalt.jdbc.value;
