package io.basalt.server.query;

import io.basalt.optimizer.RelationReads;
import io.basalt.optimizer.catalog.AccessListing;
import io.basalt.optimizer.dml.PlannedDml;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.commit.Manifest;

/**
 * The privilege checks a session's plans pass before they run: the {@link QueryRunner} of a session calls them on
 * every plan it makes, and a cached plan is checked again when {@link #version()} changed (a GRANT or REVOKE since),
 * so a revocation takes effect at the next statement. Failures are {@code StatementException}s with SQLSTATE 42501.
 */
public interface PlanAuthorization {

    /** Allows everything (plans made outside a session, and tests of the planner path). */
    PlanAuthorization ALLOW_ALL = new PlanAuthorization() {
        @Override
        public long version() {
            return 0;
        }

        @Override
        public void checkQuery(Manifest catalog, RelationReads reads) {
        }

        @Override
        public void checkDml(Manifest catalog, PlannedDml dml) {
        }

        @Override
        public void checkInsert(Manifest catalog, RelationName target) {
        }

        @Override
        public AccessListing access() {
            return AccessListing.NONE;
        }
    };

    /** Changes whenever the answer of a check may have changed. */
    long version();

    /** SELECT on what a query reads (a view's own reads against the view's owner). */
    void checkQuery(Manifest catalog, RelationReads reads);

    /** What a DELETE, UPDATE or MERGE needs on its target, and SELECT on what else it reads. */
    void checkDml(Manifest catalog, PlannedDml dml);

    /** INSERT on an INSERT's target (its source is a query, checked by {@link #checkQuery}). */
    void checkInsert(Manifest catalog, RelationName target);

    /** The roles and privileges information_schema shows the session. */
    AccessListing access();
}
