package io.basalt.jdbc.spi;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectionUrlTest {

    @Test
    void fileUrlsNameADirectory() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:basalt:file:/var/lib/basalt/sales?readOnly=true");
        assertThat(url.kind()).isEqualTo(ConnectionUrl.Kind.FILE);
        assertThat(url.directory()).isEqualTo("/var/lib/basalt/sales");
        assertThat(url.properties()).containsEntry("readOnly", "true");
        assertThat(ConnectionUrl.parse("jdbc:basalt:file:C:\\data\\db").directory()).isEqualTo("C:\\data\\db");
        assertThat(ConnectionUrl.parse("jdbc:basalt:file:relative/dir").directory()).isEqualTo("relative/dir");
    }

    @Test
    void memoryUrlsMayBeNamed() throws SQLException {
        assertThat(ConnectionUrl.parse("jdbc:basalt:mem:").memoryName()).isEmpty();
        ConnectionUrl named = ConnectionUrl.parse("jdbc:basalt:mem:scratch");
        assertThat(named.kind()).isEqualTo(ConnectionUrl.Kind.MEMORY);
        assertThat(named.memoryName()).isEqualTo("scratch");
        assertThat(named.directory()).isNull();
    }

    @Test
    void networkUrlsHaveHostPortAndDatabase() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:basalt://db.example.com:7500/sales?user=ann&ssl=true");
        assertThat(url.kind()).isEqualTo(ConnectionUrl.Kind.NETWORK);
        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(7500);
        assertThat(url.database()).isEqualTo("sales");
        assertThat(url.properties()).containsExactly(
                org.assertj.core.api.Assertions.entry("user", "ann"), org.assertj.core.api.Assertions.entry("ssl", "true"));

        ConnectionUrl defaults = ConnectionUrl.parse("jdbc:basalt://localhost");
        assertThat(defaults.port()).isEqualTo(ConnectionUrl.DEFAULT_PORT);
        assertThat(defaults.database()).isEmpty();

        ConnectionUrl ipv6 = ConnectionUrl.parse("jdbc:basalt://[::1]:7433/");
        assertThat(ipv6.host()).isEqualTo("::1");
        assertThat(ipv6.port()).isEqualTo(7433);
        assertThat(ConnectionUrl.parse("jdbc:basalt://[fe80::1]/").port()).isEqualTo(7433);
    }

    @Test
    void queryParametersAreDecoded() throws SQLException {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:basalt:mem:x?password=p%26ss%3Dword&flag&empty=");
        assertThat(url.properties()).containsEntry("password", "p&ss=word").containsEntry("flag", "")
                .containsEntry("empty", "");
    }

    @Test
    void malformedUrlsAreRefusedWith08001() {
        assertSqlState(() -> ConnectionUrl.parse("jdbc:mysql://x/"), "08001");
        assertSqlState(() -> ConnectionUrl.parse("jdbc:basalt://:7433/"), "08001").hasMessageContaining("a host is required");
        assertSqlState(() -> ConnectionUrl.parse("jdbc:basalt://h:0/"), "08001");
        assertSqlState(() -> ConnectionUrl.parse("jdbc:basalt://h:70000/"), "08001");
        assertSqlState(() -> ConnectionUrl.parse("jdbc:basalt://[::1/"), "08001");
        assertSqlState(() -> ConnectionUrl.parse("jdbc:basalt:mem:x?=v"), "08001");
        assertSqlState(() -> ConnectionUrl.parse("jdbc:basalt:mem:x?a=%zz"), "08001");
    }

    @Test
    void passwordsAreRedactedForMessages() {
        assertThat(ConnectionUrl.redact("jdbc:basalt://h/?user=a&password=secret&ssl=true"))
                .isEqualTo("jdbc:basalt://h/?user=a&password=***&ssl=true");
        assertThat(ConnectionUrl.redact("jdbc:basalt://h/?PASSWORD=secret")).isEqualTo("jdbc:basalt://h/?PASSWORD=***");
    }
}
