package io.basalt.execution.pipeline;

/**
 * A source of morsels (with its streaming operators folded in) ending in a sink. Pipelines are cut at
 * pipeline breakers: a hash-join build, an aggregation, a sort, a limit that is not the last step.
 */
public record Pipeline(String name, MorselSource source, Sink sink) {
}
