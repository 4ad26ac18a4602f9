package io.basalt.jdbc;

import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;
import io.basalt.jdbc.testing.FakeDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverTest {

    private final BasaltDriver driver = new BasaltDriver();

    @Test
    void acceptsTheThreeBasaltUrlForms() {
        assertThat(driver.acceptsURL("jdbc:basalt:file:/data/warehouse")).isTrue();
        assertThat(driver.acceptsURL("jdbc:basalt:mem:")).isTrue();
        assertThat(driver.acceptsURL("jdbc:basalt:mem:shared")).isTrue();
        assertThat(driver.acceptsURL("jdbc:basalt://localhost:7433/")).isTrue();
        assertThat(driver.acceptsURL("jdbc:postgresql://localhost/db")).isFalse();
        assertThat(driver.acceptsURL("jdbc:basalt:other")).isFalse();
        assertThat(driver.acceptsURL(null)).isFalse();
    }

    @Test
    void leavesOtherDriversUrlsToThem() throws SQLException {
        assertThat(driver.connect("jdbc:h2:mem:x", new Properties())).isNull();
    }

    @Test
    void isRegisteredWithDriverManagerThroughItsService() throws SQLException {
        Driver registered = DriverManager.getDriver("jdbc:basalt:mem:");
        assertThat(registered).isInstanceOf(BasaltDriver.class);
    }

    @Test
    void connectsThroughTheTransportThatAcceptsTheUrl() throws SQLException {
        FakeDatabase database = FakeDatabase.create();
        try (Connection connection = DriverManager.getConnection(database.url())) {
            assertThat(connection).isInstanceOf(BasaltConnection.class);
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(database.closedSessions()).isEqualTo(1);
    }

    @Test
    void withoutATransportForAFileUrlTellsToPutBasaltJarOnTheClassPath() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:basalt:file:/tmp/no-such-db"))
                .isInstanceOf(SQLNonTransientConnectionException.class)
                .hasMessage("no Basalt transport for jdbc:basalt:file:/tmp/no-such-db; "
                        + "put basalt.jar on the class path for embedded use")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void networkUrlsUseTheBuiltInSocketTransport() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> driver.connect("jdbc:basalt://127.0.0.1:" + closedPort + "/?user=ann&password=secret",
                new Properties()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("could not connect to the Basalt server at 127.0.0.1:" + closedPort)
                .hasMessageNotContaining("secret")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThatThrownBy(() -> driver.connect("jdbc:basalt://127.0.0.1:" + closedPort + "/", new Properties()))
                .hasMessageContaining("no user given")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
    }

    @Test
    void malformedBasaltUrlsFailWith08001() {
        assertThatThrownBy(() -> driver.connect("jdbc:basalt:file:", new Properties()))
                .hasMessageContaining("needs a data directory")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThatThrownBy(() -> driver.connect("jdbc:basalt://host:notaport/", new Properties()))
                .hasMessageContaining("port must be a number")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void theTransportReceivesUrlParametersUnderTheCallersProperties() throws SQLException {
        FakeDatabase database = FakeDatabase.create();
        Properties info = new Properties();
        info.setProperty("user", "alice");
        info.setProperty("mode", "from-info");
        try (Connection connection = driver.connect(database.url() + "?mode=from-url&extra=1", info)) {
            assertThat(connection.isClosed()).isFalse();
            Properties received = database.connectProperties().get(0);
            assertThat(received.getProperty("user")).isEqualTo("alice");
            assertThat(received.getProperty("mode")).isEqualTo("from-info");
            assertThat(received.getProperty("extra")).isEqualTo("1");
        }
    }

    @Test
    void theFetchSizePropertyBecomesTheStatementsDefault() throws SQLException {
        FakeDatabase database = FakeDatabase.create();
        try (Connection connection = driver.connect(database.url() + "?fetchSize=500", new Properties())) {
            connection.createStatement().execute("insert into t values (1)");
            assertThat(database.lastExecution().options().fetchSize()).isEqualTo(500);
            assertThat(connection.createStatement().getFetchSize()).isEqualTo(500);
        }
    }

    @Test
    void aBadFetchSizePropertyIsRefused() {
        FakeDatabase database = FakeDatabase.create();
        assertThatThrownBy(() -> driver.connect(database.url() + "?fetchSize=lots", new Properties()))
                .hasMessageContaining("fetchSize")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(SqlStates.INVALID_ARGUMENT);
    }

    @Test
    void aTransportsConnectErrorReachesTheCallerUnchanged() {
        FakeDatabase database = FakeDatabase.create()
                .failConnectWith(SqlExceptionFactory.create("28P01", "password authentication failed"));
        assertThatThrownBy(() -> driver.connect(database.url(), new Properties()))
                .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessage("password authentication failed");
    }

    @Test
    void describesItsProperties() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "bob");
        DriverPropertyInfo[] properties = driver.getPropertyInfo("jdbc:basalt:mem:?fetchSize=10", info);
        assertThat(properties).extracting(p -> p.name).containsExactly("user", "password", "fetchSize");
        assertThat(properties[0].value).isEqualTo("bob");
        assertThat(properties[2].value).isEqualTo("10");
        assertThat(properties).allSatisfy(p -> assertThat(p.description).isNotBlank());
    }

    @Test
    void reportsTheBuildVersion() throws SQLException {
        assertThat(BasaltDriver.version()).matches("\\d+\\.\\d+.*").doesNotContain("unknown");
        assertThat(driver.getMajorVersion() + "." + driver.getMinorVersion())
                .isEqualTo(BasaltDriver.version().replaceAll("^(\\d+\\.\\d+).*", "$1"));
        assertThat(driver.jdbcCompliant()).isFalse();
        assertThatThrownBy(driver::getParentLogger).isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}
