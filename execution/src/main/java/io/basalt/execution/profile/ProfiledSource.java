package io.basalt.execution.profile;

import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;

/**
 * A source measured for EXPLAIN ANALYZE: the rows its morsels produce and, when {@code timed}, the time
 * they take outside the downstream operators. A union is counted but not timed (its inputs time
 * themselves).
 */
public final class ProfiledSource implements MorselSource {

    private final MorselSource source;
    private final NodeStatistics statistics;
    private final boolean timed;

    public ProfiledSource(MorselSource source, NodeStatistics statistics, boolean timed) {
        this.source = source;
        this.statistics = statistics;
        this.timed = timed;
    }

    @Override
    public Morsel next() {
        Morsel morsel = source.next();
        if (morsel == null) {
            return null;
        }
        return new Morsel() {
            @Override
            public void run(BatchConsumer output) {
                TimedConsumer consumer = new TimedConsumer(output, statistics);
                long start = System.nanoTime();
                try {
                    morsel.run(consumer);
                } finally {
                    if (timed) {
                        long end = System.nanoTime();
                        statistics.addWork(start, end, end - start - consumer.downstreamNanos);
                    }
                }
            }

            @Override
            public void discard() {
                morsel.discard();
            }
        };
    }

    @Override
    public void close() {
        source.close();
    }
}
