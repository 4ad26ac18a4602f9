package io.basalt.storage.commit;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

/**
 * Two transactions changed the same table's existing rows concurrently; the later committer loses, nothing
 * of it is published, and it may retry on a fresh snapshot. This is what keeps snapshot isolation free of
 * lost updates.
 */
public class SerializationConflictException extends StorageException {

    public SerializationConflictException(String message) {
        super(StorageErrors.SERIALIZATION_FAILURE, "could not serialize access: " + message);
    }
}
