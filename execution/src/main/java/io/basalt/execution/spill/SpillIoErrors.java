package io.basalt.execution.spill;

import io.basalt.execution.ExecutionException;

import java.io.IOException;
import java.nio.file.Path;

/** Turns an IO failure while spilling into the query's error: 53100 when the disk is full, 58030 otherwise. */
final class SpillIoErrors {

    private SpillIoErrors() {
    }

    static ExecutionException failed(String action, Path file, IOException e) {
        if (isDiskFull(e)) {
            return new ExecutionException(ExecutionException.DISK_FULL, "could not " + action + " spill file " + file
                    + ": the disk is full (" + e.getMessage() + ")", e);
        }
        return new ExecutionException(ExecutionException.IO_ERROR, "could not " + action + " spill file " + file + ": "
                + e, e);
    }

    /** Java reports ENOSPC only through the message text (Linux, macOS and Windows wordings). */
    private static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device")
                    || message.contains("not enough space on the disk") || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
