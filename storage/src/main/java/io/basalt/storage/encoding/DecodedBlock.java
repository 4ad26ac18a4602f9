package io.basalt.storage.encoding;

import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DictionaryView;

/** A decoded block: its vector and, for a dictionary-encoded BYTES block, its dictionary form (else null). */
public record DecodedBlock(ColumnVector vector, DictionaryView dictionary) {
}
