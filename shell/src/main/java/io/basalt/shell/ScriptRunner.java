package io.basalt.shell;

import io.basalt.shell.input.Command;
import io.basalt.shell.input.InputSplitter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Runs a script (a pipe, {@code -f}, {@code -c}, {@code \i}) line by line as it is read, so a long pipe
 * streams instead of being read whole. A failing statement does not stop the script (as in psql), but the
 * outcome records it, which makes the exit status 1; {@code \q} stops it.
 */
final class ScriptRunner {

    private final ShellSession session;

    ScriptRunner(ShellSession session) {
        this.session = session;
    }

    Outcome run(Reader input) throws IOException {
        BufferedReader lines = new BufferedReader(input);
        InputSplitter splitter = new InputSplitter();
        Outcome outcome = Outcome.OK;
        String line;
        while ((line = lines.readLine()) != null) {
            outcome = outcome.and(runAll(splitter.addLine(line)));
            if (outcome == Outcome.QUIT) {
                return outcome;
            }
        }
        return outcome.and(runAll(splitter.finish()));
    }

    private Outcome runAll(List<Command> commands) {
        Outcome outcome = Outcome.OK;
        for (Command command : commands) {
            outcome = outcome.and(session.execute(command));
            if (outcome == Outcome.QUIT) {
                break;
            }
        }
        return outcome;
    }
}
