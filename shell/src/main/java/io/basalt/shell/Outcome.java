package io.basalt.shell;

/** How a command went, which decides the exit status of a script and whether the shell goes on. */
enum Outcome {
    OK,
    FAILED,
    QUIT;

    /** The outcome of two commands in a row: a quit wins, then a failure. */
    Outcome and(Outcome next) {
        if (this == QUIT || next == QUIT) {
            return QUIT;
        }
        return this == FAILED || next == FAILED ? FAILED : OK;
    }
}
