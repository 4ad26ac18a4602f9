package io.basalt.jdbc;

import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.testing.ResultSetFixture;
import io.basalt.jdbc.testing.Rows;
import io.basalt.jdbc.testing.ScriptedCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;

import static io.basalt.jdbc.testing.Columns.bigint;
import static io.basalt.jdbc.testing.Columns.varchar;
import static io.basalt.jdbc.testing.SqlAssertions.assertSqlState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultSetNavigationTest {

    private final ResultSetFixture fixture = new ResultSetFixture();

    ResultSetNavigationTest() throws SQLException {
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    private ScriptedCursor answerWith(Rows rows) {
        ScriptedCursor cursor = rows.cursor();
        fixture.database().answer(execution -> io.basalt.jdbc.spi.ExecutionResult.rows(cursor));
        return cursor;
    }

    @Test
    void batchesAreFetchedOnlyWhenTheRowsReachThem() throws SQLException {
        ScriptedCursor cursor = answerWith(Rows.of(bigint("n")).row(1L).row(2L).nextBatch().row(3L));
        ResultSet rs = fixture.connection().createStatement().executeQuery("select");
        assertThat(cursor.fetches()).isZero();
        assertThat(rs.next()).isTrue();
        assertThat(cursor.fetches()).isEqualTo(1);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(2L);
        assertThat(cursor.fetches()).isEqualTo(1);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(3L);
        assertThat(cursor.fetches()).isEqualTo(2);
        assertThat(cursor.isClosed()).isFalse();
        assertThat(rs.next()).isFalse();
        assertThat(cursor.isClosed()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(cursor.fetches()).isEqualTo(3);
    }

    @Test
    void emptyBatchesAreSkipped() throws SQLException {
        answerWith(Rows.of(bigint("n")).nextBatch().row(1L).nextBatch().nextBatch().row(2L));
        ResultSet rs = fixture.connection().createStatement().executeQuery("select");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(1L);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(2L);
        assertThat(rs.next()).isFalse();
    }

    @Test
    void positionQueries() throws SQLException {
        answerWith(Rows.of(bigint("n")).row(1L).row(2L));
        ResultSet rs = fixture.connection().createStatement().executeQuery("select");
        assertThat(rs.isBeforeFirst()).isTrue();
        assertThat(rs.getRow()).isZero();
        rs.next();
        assertThat(rs.isBeforeFirst()).isFalse();
        assertThat(rs.isFirst()).isTrue();
        assertThat(rs.getRow()).isEqualTo(1);
        assertThat(rs.getLong(1)).isEqualTo(1L);
        rs.next();
        assertThat(rs.isFirst()).isFalse();
        assertThat(rs.getRow()).isEqualTo(2);
        assertThat(rs.isAfterLast()).isFalse();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isTrue();
        assertThat(rs.getRow()).isZero();
        assertThatThrownBy(rs::isLast).isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void anEmptyResultIsNeitherBeforeFirstNorAfterLast() throws SQLException {
        ScriptedCursor cursor = answerWith(Rows.of(bigint("n")));
        ResultSet rs = fixture.connection().createStatement().executeQuery("select");
        assertThat(rs.isBeforeFirst()).isFalse();
        assertThat(cursor.isClosed()).isTrue();
        assertThat(rs.next()).isFalse();
        assertThat(rs.isAfterLast()).isFalse();
    }

    @Test
    void gettersNeedACurrentRow() throws SQLException {
        answerWith(Rows.of(bigint("n")).row(1L));
        ResultSet rs = fixture.connection().createStatement().executeQuery("select");
        assertSqlState(() -> rs.getLong(1), "24000").hasMessageContaining("before its first row");
        rs.next();
        rs.next();
        assertSqlState(() -> rs.getLong(1), "24000").hasMessageContaining("past its last row");
    }

    @Test
    void columnIndexesAreChecked() throws SQLException {
        ResultSet rs = fixture.onValue(bigint("n"), 1L);
        assertSqlState(() -> rs.getLong(0), "07009");
        assertSqlState(() -> rs.getLong(2), "07009").hasMessageContaining("the result has 1 columns");
    }

    @Test
    void labelsAreFoundCaseInsensitivelyPreferringAnExactMatch() throws SQLException {
        ResultSet rs = fixture.onRow(new io.basalt.jdbc.spi.ColumnDescriptor[] {
            bigint("Total"), io.basalt.jdbc.spi.ColumnDescriptor.builder("x", java.sql.Types.BIGINT).label("total").build(),
            varchar("name")}, 1L, 2L, "n");
        assertThat(rs.findColumn("Total")).isEqualTo(1);
        assertThat(rs.findColumn("total")).isEqualTo(2);
        assertThat(rs.findColumn("TOTAL")).isEqualTo(1);
        assertThat(rs.getString("NAME")).isEqualTo("n");
        assertSqlState(() -> rs.findColumn("missing"), "42703")
                .hasMessage("the result has no column labelled \"missing\"; its columns are Total, total, name");
    }

    @Test
    void onlyNextMoves() throws SQLException {
        ResultSet rs = fixture.onValue(bigint("n"), 1L);
        assertThatThrownBy(rs::previous).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("forward-only");
        assertThatThrownBy(rs::first).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::last).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.absolute(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.relative(1)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::beforeFirst).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::afterLast).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> rs.setFetchDirection(ResultSet.FETCH_REVERSE))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        rs.setFetchDirection(ResultSet.FETCH_FORWARD);
        assertThat(rs.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rs.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(rs.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Test
    void updatesAreRefused() throws SQLException {
        ResultSet rs = fixture.onValue(bigint("n"), 1L);
        assertThatThrownBy(() -> rs.updateLong(1, 2L)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> rs.updateString("n", "x")).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::insertRow).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::deleteRow).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(rs::moveToInsertRow).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(rs.rowUpdated()).isFalse();
    }

    @Test
    void aClosedResultSetRefusesEverythingButIsClosedAndClose() throws SQLException {
        ScriptedCursor cursor = answerWith(Rows.of(bigint("n")).row(1L).row(2L));
        ResultSet rs = fixture.connection().createStatement().executeQuery("select");
        rs.next();
        rs.close();
        assertThat(cursor.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        rs.close();
        assertSqlState(rs::next, "HY010").hasMessage("the result set is closed");
        assertSqlState(() -> rs.getLong(1), "HY010");
        assertSqlState(rs::wasNull, "HY010");
        assertSqlState(rs::getMetaData, "HY010");
    }

    @Test
    void anErrorWhileFetchingReachesTheApplicationAndClosesTheResult() throws SQLException {
        ScriptedCursor cursor = answerWith(Rows.of(bigint("n")).row(1L));
        cursor.failAfter(1, SqlExceptionFactory.create("22012", "division by zero"));
        ResultSet rs = fixture.connection().createStatement().executeQuery("select");
        assertThat(rs.next()).isTrue();
        assertThatThrownBy(rs::next).isInstanceOf(SQLDataException.class).hasMessage("division by zero");
        assertThat(cursor.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
    }

    @Test
    void theResultSetKnowsItsStatementAndMetadata() throws SQLException {
        answerWith(Rows.of(bigint("n")).row(1L));
        Statement statement = fixture.connection().createStatement();
        ResultSet rs = statement.executeQuery("select");
        assertThat(rs.getStatement()).isSameAs(statement);
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
        assertThat((Object) rs.getWarnings()).isNull();
        rs.setFetchSize(10);
        assertThat(rs.getFetchSize()).isEqualTo(10);
        assertSqlState(() -> rs.setFetchSize(-1), "HY024");
        assertThat((Object) rs.unwrap(BasaltResultSet.class)).isSameAs(rs);
        assertThat(rs.isWrapperFor(ResultSet.class)).isTrue();
    }
}
