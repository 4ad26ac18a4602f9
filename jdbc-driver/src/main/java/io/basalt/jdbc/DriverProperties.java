package io.basalt.jdbc;

import io.basalt.jdbc.spi.ConnectionUrl;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The connection properties the driver itself understands, and how the URL's query parameters and the
 * application's {@link Properties} combine: the application's values win, since they are the more
 * deliberate choice (a URL is often copied from elsewhere). Transports receive the combined properties
 * and may read more of them.
 */
final class DriverProperties {

    static final String USER = "user";
    static final String PASSWORD = "password";
    /** The fetch size new statements start with (rows per batch requested from the session). */
    static final String FETCH_SIZE = "fetchSize";

    private DriverProperties() {
    }

    static Properties merge(ConnectionUrl url, Properties info) {
        Properties merged = new Properties();
        for (Map.Entry<String, String> parameter : url.properties().entrySet()) {
            merged.setProperty(parameter.getKey(), parameter.getValue());
        }
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                merged.setProperty(name, info.getProperty(name));
            }
        }
        return merged;
    }

    static int fetchSize(Properties properties) throws SQLException {
        String text = properties.getProperty(FETCH_SIZE);
        if (text == null || text.trim().isEmpty()) {
            return 0;
        }
        try {
            int fetchSize = Integer.parseInt(text.trim());
            if (fetchSize >= 0) {
                return fetchSize;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT,
                "connection property fetchSize must be a number of rows, 0 or more; got '" + text + "'");
    }

    static DriverPropertyInfo[] describe(Properties properties) {
        return new DriverPropertyInfo[] {
            info(properties, USER, false, "the user name (embedded databases have no users yet)"),
            info(properties, PASSWORD, false, "the user's password"),
            info(properties, FETCH_SIZE, false,
                    "rows per batch that new statements ask for; 0 lets the database choose"),
        };
    }

    private static DriverPropertyInfo info(Properties properties, String name, boolean required, String description) {
        DriverPropertyInfo info = new DriverPropertyInfo(name, properties.getProperty(name));
        info.required = required;
        info.description = description;
        return info;
    }
}
