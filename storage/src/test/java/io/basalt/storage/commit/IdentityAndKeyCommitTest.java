package io.basalt.storage.commit;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.Identity;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.basalt.storage.commit.TestTables.append;
import static io.basalt.storage.commit.TestTables.keyValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Identity positions are handed out once, even across transactions and restarts; keyed tables serialise appends. */
class IdentityAndKeyCommitTest {

    @TempDir
    Path directory;

    @Test
    void concurrentTransactionsGetDistinctPositionsAndNoneIsHandedOutAgainAfterReopen() {
        long table;
        long reserve = CommitCoordinator.IDENTITY_RESERVE;
        try (StorageEngine engine = StorageEngine.open(directory)) {
            table = createTable(engine, List.of());
            Transaction first = engine.begin();
            Transaction second = engine.begin();
            assertThat(first.reserveIdentityPositions(table, 10)).isZero();
            // Made durable at once, with some to spare, before anyone commits.
            assertThat(engine.current().table(table).orElseThrow().identityPositions()).isEqualTo(10 + Math.max(10, reserve));
            assertThat(second.reserveIdentityPositions(table, 5)).isEqualTo(10);
            assertThat(first.reserveIdentityPositions(table, 1)).isEqualTo(15);
            second.commit();
            first.commit();
            Transaction rolledBack = engine.begin();
            assertThat(rolledBack.reserveIdentityPositions(table, 3)).isEqualTo(16);
            rolledBack.rollback();
            Transaction afterRollback = engine.begin();
            assertThat(afterRollback.reserveIdentityPositions(table, 1)).as("a rollback leaves a gap").isEqualTo(19);
            // Never committed, and then the process stops: the position must still not come back.
            afterRollback.close();
        }
        try (StorageEngine engine = StorageEngine.open(directory)) {
            try (Transaction transaction = engine.begin()) {
                assertThat(transaction.reserveIdentityPositions(table, 1)).as("after a restart").isGreaterThanOrEqualTo(20);
            }
        }
    }

    @Test
    void reservingMoreThanTheDurableCounterCoversPublishesOnce() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createTable(engine, List.of());
            long version = engine.current().version();
            try (Transaction transaction = engine.begin()) {
                transaction.reserveIdentityPositions(table, 1);
                transaction.reserveIdentityPositions(table, 1);
                transaction.reserveIdentityPositions(table, 1);
            }
            assertThat(engine.current().version()).as("one reservation covers the next few").isEqualTo(version + 1);
        }
    }

    @Test
    void aTableCreatedInTheTransactionCountsFromZeroAndKeepsItsCounterOnCommit() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table;
            try (Transaction transaction = engine.begin()) {
                table = transaction.createTable(definition(List.of()));
                assertThat(transaction.reserveIdentityPositions(table, 4)).isZero();
                assertThat(transaction.view().table(table).orElseThrow().identityPositions()).isEqualTo(4);
                transaction.commit();
            }
            assertThat(engine.current().table(table).orElseThrow().identityPositions()).isEqualTo(4);
        }
    }

    @Test
    void concurrentAppendsToATableWithAUniqueKeyFailTheLaterCommitter() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createTable(engine, List.of(new Constraint.PrimaryKey("t_pkey", List.of("key"))));
            Transaction first = engine.begin();
            Transaction second = engine.begin();
            append(first, table, keyValues(0, 10, 1));
            append(second, table, keyValues(0, 10, 1));
            first.commit();
            assertThatThrownBy(second::commit).isInstanceOf(SerializationConflictException.class)
                    .hasMessageContaining("has a unique key and rows were added to it by a concurrent transaction");
            // A transaction that began after the first committed appends normally.
            try (Transaction third = engine.begin()) {
                append(third, table, keyValues(10, 10, 1));
                third.commit();
            }
            assertThat(engine.current().table(table).orElseThrow().rowCount()).isEqualTo(20);
        }
    }

    private static long createTable(StorageEngine engine, List<Constraint> constraints) {
        try (Transaction transaction = engine.begin()) {
            long table = transaction.createTable(definition(constraints));
            transaction.commit();
            return table;
        }
    }

    private static TableDefinition definition(List<Constraint> constraints) {
        return new TableDefinition("main", "t", List.of(
                ColumnDefinition.notNull("key", LogicalType.BIGINT).withIdentity(Identity.serial()),
                ColumnDefinition.notNull("value", LogicalType.BIGINT)), constraints, TableOptions.DEFAULT);
    }
}
