package io.basalt.shell.input;

import java.util.List;
import java.util.Objects;

/**
 * What a buffer of input holds: complete commands in order, the statement still unfinished ("" if none),
 * and whether its last line was a meta-command.
 */
public record SplitInput(List<Command> commands, String pendingStatement, boolean endsWithMetaCommand) {

    public SplitInput {
        commands = List.copyOf(commands);
        Objects.requireNonNull(pendingStatement, "pendingStatement");
    }
}
