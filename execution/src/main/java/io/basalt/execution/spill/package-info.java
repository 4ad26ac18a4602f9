/**
 * Spilling: the files operators write when they outgrow the query's memory budget ({@code
 * MemoryReservation.tryGrow} returned false). A query's {@link io.basalt.execution.spill.SpillSpace} (from
 * {@code ExecutionContext.spillSpace()}) hands out {@link io.basalt.execution.spill.SpillFileWriter}s; a
 * finished {@link io.basalt.execution.spill.SpillFile} is read back a batch at a time by a
 * {@link io.basalt.execution.spill.SpillFileReader}. Batches are stored with the storage module's block
 * encoders and LZ4, the same bytes a segment's blocks hold, so there is no second serialization format;
 * {@link io.basalt.execution.spill.SpillFormat} describes the framing around them.
 */
package io.basalt.execution.spill;
