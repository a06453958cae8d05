package io.citrate.consensus.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The block DAG of one network, as the node, the RPC and the shell use it. Registered as a service once
 * consensus has opened its store against a {@link ConsensusGenesis}.
 *
 * <p>Blocks are processed one at a time, so every answer reflects whole blocks: never part of one.
 */
@ProviderType
public interface Consensus {

  ConsensusGenesis genesis();

  /**
   * Processes {@code header}, then every orphan that was waiting for it; returns the outcome of each in
   * processing order. Never throws for a bad block: a rule it breaks is a {@link BlockOutcome.Rejected}.
   */
  List<BlockOutcome> submit(BlockHeader header);

  /** As {@link #submit}, for header bytes as they arrive from a peer; malformed bytes are rejected. */
  List<BlockOutcome> submitEncoded(byte[] encodedHeader);

  /**
   * As {@link #submitEncoded} for many headers at once, as a sync delivers them: the same outcomes as
   * submitting each in turn, in the same order, but decoding, signatures and VRF proofs are checked in
   * parallel and the blocks are written in groups, each group in one transaction.
   */
  List<BlockOutcome> submitAllEncoded(List<byte[]> encodedHeaders);

  /**
   * The GHOSTDAG data a new block on {@code parents} would have; a producer puts its blue score and blue
   * work into the header.
   *
   * @throws BlockRejectedException when those parents break a GHOSTDAG rule
   */
  GhostdagData ghostdagFor(List<Hash> parents) throws BlockRejectedException;

  /**
   * The mergeset of a block with GHOSTDAG data {@code data}, without its selected parent, in the order its
   * transactions are accepted: see {@link ValidatedBlock#mergesetInExecutionOrder()}. A producer executes
   * a new block's mergeset in this order before the block's own transactions.
   *
   * @throws IllegalArgumentException when a block of the mergeset is not a valid block
   */
  List<Hash> mergesetInExecutionOrder(GhostdagData data);

  /**
   * What a producer proves, with {@link SlotInput#prove}, to claim the slot of {@code timestampMillis} for a
   * block whose selected parent is {@code selectedParent} (the selected parent {@link #ghostdagFor} gives
   * its parents): the chain id, the slot, and the epoch seed of that parent's selected chain. The block
   * carries the ticket's proof; it is valid only if the ticket wins the lottery for the producer's stake.
   *
   * @throws BlockRejectedException when a block with that timestamp would break a rule: a timestamp before
   *     genesis or before the selected parent's
   * @throws IllegalArgumentException when {@code selectedParent} is not a valid block
   */
  SlotInput slotInput(Hash selectedParent, long timestampMillis) throws BlockRejectedException;

  /**
   * Whether {@code ticket} (the producer's proof of a {@link #slotInput}) wins its slot for {@code producer}
   * on {@code selectedParent}: empty when it does, else the violation a block with it would be rejected for.
   * A producer asks before building a block, so it never publishes a block that would lose.
   *
   * @throws IllegalArgumentException when {@code selectedParent} is not a valid block
   */
  Optional<RuleViolation> proposerVerdict(Address producer, Hash selectedParent, SlotTicket ticket);

  Optional<BlockStatus> status(Hash block);

  /** The reason a block was rejected, for blocks whose status is INVALID. */
  Optional<String> rejectionReason(Hash block);

  Optional<BlockHeader> header(Hash block);

  Optional<GhostdagData> ghostdagData(Hash block);

  /** The blocks that name {@code block} as a parent, ordered by hash. */
  List<Hash> children(Hash block);

  /** The best tip: the end of the selected chain. */
  Hash sink();

  /** Blocks without children, ordered by hash. */
  List<Hash> tips();

  /** The sink's position on the selected chain (genesis is 0). */
  long selectedChainHeight();

  Optional<Hash> selectedChainBlockAt(long position);

  OptionalLong selectedChainPosition(Hash block);

  /** The highest selected-chain block that is final: the sink cannot move to a chain without it. */
  Hash finalityPoint();

  /** Whether {@code ancestor} is in the past of {@code descendant} or is {@code descendant} itself. */
  boolean isDagAncestorOf(Hash ancestor, Hash descendant);

  /** Orphans waiting for parents. */
  int orphanCount();
}
