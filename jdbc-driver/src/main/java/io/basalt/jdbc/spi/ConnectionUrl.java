package io.basalt.jdbc.spi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed Basalt JDBC URL, shared by the driver and the transports so they read URLs the same way:
 * <ul>
 *   <li>{@code jdbc:basalt:file:DIR[?k=v&…]}: an embedded database in directory {@code DIR};</li>
 *   <li>{@code jdbc:basalt:mem:[NAME][?…]}: an in-memory database, shared by the connections that use the
 *       same non-empty name in one JVM; an empty name is private to the connection;</li>
 *   <li>{@code jdbc:basalt://HOST[:PORT]/[DATABASE][?…]}: a Basalt server (port {@value #DEFAULT_PORT} by
 *       default; IPv6 hosts in brackets).</li>
 * </ul>
 * Query parameters are URL-decoded (UTF-8) and become connection properties.
 */
public final class ConnectionUrl {

    public static final String PREFIX = "jdbc:basalt:";
    public static final int DEFAULT_PORT = 7433;

    private static final String FILE = "file:";
    private static final String MEMORY = "mem:";
    private static final String NETWORK = "//";

    /** How the URL reaches its database. */
    public enum Kind { FILE, MEMORY, NETWORK }

    private final String url;
    private final Kind kind;
    private final String location;
    private final String host;
    private final int port;
    private final Map<String, String> properties;

    private ConnectionUrl(String url, Kind kind, String location, String host, int port, Map<String, String> properties) {
        this.url = url;
        this.kind = kind;
        this.location = location;
        this.host = host;
        this.port = port;
        this.properties = Collections.unmodifiableMap(properties);
    }

    /** Whether {@code url} has one of the three Basalt forms; cheap and never throws. */
    public static boolean isBasaltUrl(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return false;
        }
        String rest = url.substring(PREFIX.length());
        return rest.startsWith(FILE) || rest.startsWith(MEMORY) || rest.startsWith(NETWORK);
    }

    /** @throws SQLException with SQLSTATE 08001 when {@code url} is not a well-formed Basalt URL */
    public static ConnectionUrl parse(String url) throws SQLException {
        if (!isBasaltUrl(url)) {
            throw malformed(url, "expected jdbc:basalt:file:DIR, jdbc:basalt:mem:[NAME] or jdbc:basalt://HOST[:PORT]/");
        }
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String body = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> properties = question < 0 ? new LinkedHashMap<String, String>()
                : parseQuery(url, rest.substring(question + 1));
        if (body.startsWith(FILE)) {
            String directory = body.substring(FILE.length());
            if (directory.isEmpty()) {
                throw malformed(url, "jdbc:basalt:file: needs a data directory");
            }
            return new ConnectionUrl(url, Kind.FILE, directory, null, 0, properties);
        }
        if (body.startsWith(MEMORY)) {
            return new ConnectionUrl(url, Kind.MEMORY, body.substring(MEMORY.length()), null, 0, properties);
        }
        return parseNetwork(url, body.substring(NETWORK.length()), properties);
    }

    private static ConnectionUrl parseNetwork(String url, String authorityAndPath, Map<String, String> properties)
            throws SQLException {
        int slash = authorityAndPath.indexOf('/');
        String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
        String database = slash < 0 ? "" : authorityAndPath.substring(slash + 1);
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw malformed(url, "unclosed '[' in the IPv6 host");
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw malformed(url, "unexpected '" + after + "' after the host");
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw malformed(url, "a host is required after jdbc:basalt://");
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw malformed(url, "port must be a number from 1 to 65535, got '" + portText + "'");
            }
        }
        return new ConnectionUrl(url, Kind.NETWORK, database, host, port, properties);
    }

    private static Map<String, String> parseQuery(String url, String query) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(url, equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(url, pair.substring(equals + 1));
            if (key.isEmpty()) {
                throw malformed(url, "a query parameter has no name");
            }
            properties.put(key, value);
        }
        return properties;
    }

    private static String decode(String url, String text) throws SQLException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(url, "bad %-escape in '" + text + "'");
        }
    }

    private static SQLException malformed(String url, String reason) {
        return SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT,
                "malformed Basalt URL " + redact(url) + ": " + reason);
    }

    /** {@code url} with the value of a {@code password} query parameter hidden, for messages and logs. */
    public static String redact(String url) {
        if (url == null) {
            return "null";
        }
        return url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    /** The URL as given. */
    public String url() {
        return url;
    }

    public Kind kind() {
        return kind;
    }

    /** The data directory, for {@link Kind#FILE}. */
    public String directory() {
        return kind == Kind.FILE ? location : null;
    }

    /** The in-memory database's name ("" for a private one), for {@link Kind#MEMORY}. */
    public String memoryName() {
        return kind == Kind.MEMORY ? location : null;
    }

    /** The host, for {@link Kind#NETWORK}. */
    public String host() {
        return host;
    }

    /** The port, for {@link Kind#NETWORK}. */
    public int port() {
        return port;
    }

    /** The path after {@code host:port/} ("" when absent), for {@link Kind#NETWORK}. */
    public String database() {
        return kind == Kind.NETWORK ? location : null;
    }

    /** The URL's query parameters, in order. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return redact(url);
    }
}
