package io.basalt.optimizer;

import io.basalt.storage.catalog.RelationName;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tables and views a query reads, arranged the way PostgreSQL checks privileges on them: the query's user needs
 * SELECT on each relation the query names itself ({@link #direct}); a view is checked as a whole, and the relations
 * its own text names ({@link #viewReads}) are checked against the view's owner, not against the user.
 *
 * @param direct    the relations the query's text names (base tables and views), wherever in the query
 * @param viewReads for every view the query reads, directly or through other views, the relations its text names
 */
public record RelationReads(Set<RelationName> direct, Map<RelationName, Set<RelationName>> viewReads) {

    /** A plan that reads nothing (and plans made before reads were recorded). */
    public static final RelationReads NONE = new RelationReads(Set.of(), Map.of());

    public RelationReads {
        // in reading order, so that a denied check names the first relation the query reads, as PostgreSQL does
        direct = Collections.unmodifiableSet(new LinkedHashSet<>(direct));
        Map<RelationName, Set<RelationName>> copy = new LinkedHashMap<>();
        viewReads.forEach((view, reads) -> copy.put(Objects.requireNonNull(view),
                Collections.unmodifiableSet(new LinkedHashSet<>(reads))));
        viewReads = Collections.unmodifiableMap(copy);
    }

    /** Every relation read, directly or through views. */
    public Set<RelationName> all() {
        Set<RelationName> all = new LinkedHashSet<>(direct);
        viewReads.forEach((view, reads) -> {
            all.add(view);
            all.addAll(reads);
        });
        return all;
    }
}
