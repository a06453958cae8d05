/**
 * The reachability index (Kaspa {@code consensus/src/processes/reachability}): ancestry queries over the
 * block DAG without walking it.
 *
 * <p>Data: {@link io.citrate.consensus.internal.reachability.ReachabilityData} per block, read through
 * {@link io.citrate.consensus.internal.reachability.ReachabilityStoreReader} and written through
 * {@link io.citrate.consensus.internal.reachability.ReachabilityStore}: in memory, or committed in the
 * node's key-value store with each block's changes staged into that block's batch. Processes:
 * {@link io.citrate.consensus.internal.reachability.ReachabilityIndex} answers queries,
 * {@link io.citrate.consensus.internal.reachability.ReachabilityWriter} adds blocks and moves the
 * reindex root, {@code IntervalReindexer} makes room in the tree. Per block, the pipeline does:
 *
 * <pre>{@code
 * StagingReachabilityStore staging = new StagingReachabilityStore(committed);
 * ReachabilityWriter writer = new ReachabilityWriter(staging, ReindexParameters.DEFAULT);
 * writer.addBlock(block, selectedParent, mergesetWithoutSelectedParent);
 * writer.hintVirtualSelectedParent(selectedTip);
 * staging.commit(batch);   // then commit the batch with everything else written for the block
 * }</pre>
 */
package io.citrate.consensus.internal.reachability;
