package io.citrate.rpc.internal.methods;

import io.citrate.consensus.api.Consensus;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.ChainHead;
import io.citrate.node.api.Node;
import io.citrate.rpc.api.JsonRpcError;
import io.citrate.rpc.api.JsonRpcException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Ethereum view of the DAG that methods resolve blocks against: block number n is the n-th block of the
 * selected chain, {@code latest} and {@code pending} its end, {@code finalized} the finality point, {@code safe}
 * the highest chain block that at least k blue blocks follow (GHOSTDAG's k: a deeper chain block changes only if
 * an attacker outpaces the honest DAG), {@code earliest} genesis.
 */
final class ChainView {

  /** A block of the selected chain. */
  record ChainBlock(Hash hash, long number, BlockHeader header) {}

  private final Node node;
  private final Consensus consensus;
  private final HeaderCache headers;

  ChainView(Node node, Consensus consensus) {
    this.node = node;
    this.consensus = consensus;
    this.headers = new HeaderCache(consensus);
  }

  Node node() {
    return node;
  }

  Consensus consensus() {
    return consensus;
  }

  /** The header of {@code block}, from recently read ones when it can. */
  Optional<BlockHeader> header(Hash block) {
    return headers.header(block);
  }

  /** The chain block {@code parameter} names; empty when there is none (a future number, an unknown hash). */
  Optional<ChainBlock> resolve(BlockParameter parameter) throws JsonRpcException {
    if (parameter instanceof BlockParameter.Numbered numbered) {
      return atNumber(numbered.number());
    }
    if (parameter instanceof BlockParameter.ByHash byHash) {
      OptionalLong position = consensus.selectedChainPosition(byHash.hash());
      if (position.isEmpty()) {
        if (byHash.requireCanonical() && consensus.header(byHash.hash()).isPresent()) {
          throw new JsonRpcException(JsonRpcError.INVALID_INPUT, "hash " + byHash.hash() + " is not currently canonical");
        }
        return Optional.empty();
      }
      return headers.header(byHash.hash()).map(header -> new ChainBlock(byHash.hash(), position.getAsLong(), header));
    }
    return switch (((BlockParameter.Named) parameter).tag()) {
      case LATEST, PENDING -> latest();
      case EARLIEST -> atNumber(0);
      case FINALIZED -> chainBlock(consensus.finalityPoint());
      case SAFE -> safe();
    };
  }

  /** As {@link #resolve}, but a missing block is the error geth answers for state queries. */
  ChainBlock require(BlockParameter parameter) throws JsonRpcException {
    return resolve(parameter).orElseThrow(() -> new JsonRpcException(JsonRpcError.INVALID_INPUT, "header not found"));
  }

  /**
   * For a chain block whose state this node cannot read (it left the selected chain meanwhile): the error geth
   * answers for a block it does not know.
   */
  JsonRpcException missingState() {
    return new JsonRpcException(JsonRpcError.INVALID_INPUT, "header not found");
  }

  Optional<ChainBlock> latest() {
    ChainHead head = node.head();
    return headers.header(head.block()).map(header -> new ChainBlock(head.block(), head.number(), header));
  }

  Optional<ChainBlock> atNumber(long number) {
    return consensus.selectedChainBlockAt(number).flatMap(this::chainBlock);
  }

  private Optional<ChainBlock> chainBlock(Hash hash) {
    OptionalLong position = consensus.selectedChainPosition(hash);
    if (position.isEmpty()) {
      return Optional.empty();
    }
    return headers.header(hash).map(header -> new ChainBlock(hash, position.getAsLong(), header));
  }

  private Optional<ChainBlock> safe() {
    Optional<ChainBlock> head = latest();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    long threshold = head.get().header().blueScore() - node.chainSpec().consensus().ghostdagK();
    Optional<ChainBlock> finalized = chainBlock(consensus.finalityPoint());
    long floor = finalized.map(ChainBlock::number).orElse(0L);
    for (long number = head.get().number(); number > floor; number--) {
      Optional<ChainBlock> candidate = atNumber(number);
      if (candidate.isPresent() && candidate.get().header().blueScore() <= threshold) {
        return candidate;
      }
    }
    return finalized.isPresent() ? finalized : atNumber(0);
  }
}
