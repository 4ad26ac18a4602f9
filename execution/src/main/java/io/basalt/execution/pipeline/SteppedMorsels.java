package io.basalt.execution.pipeline;

/**
 * Morsels that each run one step of {@link OutputSteps}, one at a time, in the order they take the step lock,
 * until a step says no more follow. Each step's output is a morsel of its own, so a sink keeping the morsels' order
 * (the result buffer) bounds how far ahead of its reader the output gets: a window of morsels, each a bounded step.
 * A worker may be handed a morsel just before the last step ends; it then does nothing.
 */
public final class SteppedMorsels {

    private final OutputSteps steps;
    private final Runnable beforeStep;
    /** Held while a morsel runs its step. */
    private final Object stepLock = new Object();
    private volatile boolean done;

    /** @param beforeStep runs in each morsel before it takes the step lock (waiting for what must come first) */
    public SteppedMorsels(OutputSteps steps, Runnable beforeStep) {
        this.steps = steps;
        this.beforeStep = beforeStep;
    }

    public SteppedMorsels(OutputSteps steps) {
        this(steps, () -> { });
    }

    /** A morsel running the next step, or {@code null} once a step said it was the last. */
    public Morsel next() {
        if (done) {
            return null;
        }
        return output -> {
            beforeStep.run();
            synchronized (stepLock) {
                if (!done && !steps.step(output)) {
                    done = true;
                }
            }
        };
    }
}
