package io.basalt.storage.commit;

import io.basalt.storage.catalog.IndexDefinition;

/** An index found by name in a manifest, with the table it belongs to. */
public record TableIndex(TableEntry table, IndexDefinition index) {
}
