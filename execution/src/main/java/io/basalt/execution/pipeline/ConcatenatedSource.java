package io.basalt.execution.pipeline;

import java.util.List;

/** The morsels of several sources, one source after the other: UNION ALL. */
public final class ConcatenatedSource implements MorselSource {

    private final List<MorselSource> sources;
    private int current;

    public ConcatenatedSource(List<MorselSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Morsel next() {
        while (current < sources.size()) {
            Morsel morsel = sources.get(current).next();
            if (morsel != null) {
                return morsel;
            }
            current++;
        }
        return null;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (MorselSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
