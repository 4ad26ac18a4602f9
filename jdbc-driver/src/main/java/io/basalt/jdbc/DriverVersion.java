package io.basalt.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver's version, taken from the build (the Maven project version written into
 * {@code driver.properties}), so the driver and {@code DatabaseMetaData} never disagree with the jar.
 */
final class DriverVersion {

    static final String VERSION = load();
    static final int MAJOR = part(1);
    static final int MINOR = part(2);

    private DriverVersion() {
    }

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = DriverVersion.class.getResourceAsStream("driver.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // The version is only reported; an unreadable resource must not stop the driver from loading.
        }
        String version = properties.getProperty("version", "");
        return version.isEmpty() || version.startsWith("${") ? "0.0.0-unknown" : version;
    }

    private static int part(int group) {
        Matcher matcher = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(VERSION);
        return matcher.find() ? Integer.parseInt(matcher.group(group)) : 0;
    }
}
