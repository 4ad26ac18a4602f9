package io.basalt.shell.input;

/** One thing the user asked for: a SQL statement for the database, or a meta-command for the shell. */
public sealed interface Command permits SqlCommand, MetaCommand {

    /** The command as it was written (a statement without its {@code ;}), for {@code --echo}. */
    String text();
}
