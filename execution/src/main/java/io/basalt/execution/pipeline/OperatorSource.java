package io.basalt.execution.pipeline;

import io.basalt.execution.ExecutionContext;
import io.basalt.storage.vector.ColumnBatch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The morsels of an input source with a streaming operator applied to their batches. When the operator has
 * final output, more morsels follow the input's until the operator says it has emitted all of it: each waits
 * until every input morsel of this source has finished (they were all handed out before it, so they are
 * running or done) and then runs one {@link StreamingOperator#finishStep}, one at a time ({@link SteppedMorsels}).
 */
public final class OperatorSource implements MorselSource {

    private final MorselSource input;
    private final StreamingOperator operator;
    private final ExecutionContext context;
    private final AtomicInteger unfinished = new AtomicInteger();
    private final SteppedMorsels finalSteps;

    public OperatorSource(MorselSource input, StreamingOperator operator, ExecutionContext context) {
        this.input = input;
        this.operator = operator;
        this.context = context;
        this.finalSteps = new SteppedMorsels(operator::finishStep, this::awaitEarlierMorsels);
    }

    @Override
    public Morsel next() {
        Morsel morsel = input.next();
        if (morsel != null) {
            unfinished.incrementAndGet();
            return new Morsel() {
                @Override
                public void run(BatchConsumer output) {
                    try {
                        morsel.run(new OperatorInput(operator, output));
                    } finally {
                        finished();
                    }
                }

                @Override
                public void discard() {
                    try {
                        morsel.discard();
                    } finally {
                        finished();
                    }
                }
            };
        }
        return operator.hasFinalOutput() ? finalSteps.next() : null;
    }

    private void finished() {
        if (unfinished.decrementAndGet() == 0) {
            synchronized (unfinished) {
                unfinished.notifyAll();
            }
        }
    }

    private void awaitEarlierMorsels() {
        synchronized (unfinished) {
            while (unfinished.get() > 0) {
                context.checkCancelled();
                try {
                    unfinished.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PipelineStoppedException();
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            input.close();
        } finally {
            operator.close();
        }
    }

    /**
     * Hands each batch of a morsel to the operator. A named class, not a lambda, so that the JIT directives can keep
     * this per-batch glue away from C2 by name ({@code CompilerDirectives}): compiled there it inlined the operators it
     * saw and was compiled again whenever a query brought another.
     */
    private record OperatorInput(StreamingOperator operator, BatchConsumer output) implements BatchConsumer {
        @Override
        public void accept(ColumnBatch batch) {
            operator.process(batch, output);
        }

        @Override
        public boolean takesSelections() {
            return operator.takesSelections(output);
        }

        @Override
        public void acceptSelected(ColumnBatch batch, int[] positions, int count) {
            operator.processSelected(batch, positions, count, output);
        }
    }
}
