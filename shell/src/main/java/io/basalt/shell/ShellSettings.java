package io.basalt.shell;

import io.basalt.shell.render.ExpandedMode;
import io.basalt.shell.render.OutputMode;

/** What the meta-commands and options change: timing, output mode, expanded display, echo. */
final class ShellSettings {

    private boolean timing;
    private OutputMode mode;
    private ExpandedMode expanded = ExpandedMode.OFF;
    private final boolean echo;

    ShellSettings(boolean timing, OutputMode mode, boolean echo) {
        this.timing = timing;
        this.mode = mode;
        this.echo = echo;
    }

    boolean timing() {
        return timing;
    }

    void timing(boolean on) {
        timing = on;
    }

    OutputMode mode() {
        return mode;
    }

    void mode(OutputMode newMode) {
        mode = newMode;
    }

    ExpandedMode expanded() {
        return expanded;
    }

    void expanded(ExpandedMode newMode) {
        expanded = newMode;
    }

    /** {@code --echo}: print each command before running it. */
    boolean echo() {
        return echo;
    }
}
