package io.citrate.node.internal.execution;

import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.ExecutionStage;
import io.citrate.consensus.api.RuleViolation;
import io.citrate.consensus.api.ValidatedBlock;
import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.core.api.crypto.Keccak256;
import io.citrate.core.api.tx.Transaction;
import io.citrate.node.api.ChainSpec;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.BlockProcessor;
import io.citrate.vm.api.PrecompileUnavailableException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's {@link ExecutionStage}: for every block consensus accepts, computes what it accepts, checks the
 * header's commitments (transactions root, gas limit, base fee, state root, receipts root, bloom, gas used),
 * and stages the body, the state, the acceptance record, the transaction index moves of the selected chain and
 * the head into the block's own batch.
 *
 * <p>Bodies travel beside headers: whoever submits a header hands its body over first ({@link #expectBody}),
 * and a producer may hand over the acceptance it already computed ({@link #expectAcceptance}), which is used
 * when it was computed from the very inputs the header states.
 */
public final class ChainExecution implements ExecutionStage {
  private static final int RECENT_BODIES = 256;
  private final ChainSpec spec;
  private final BlockProcessor vm;
  private final BlockHeader genesis;
  private final AcceptanceExecutor executor;
  private final Map<Hash, List<Transaction>> arrivingBodies = new ConcurrentHashMap<>();
  private final Map<Hash, Acceptance> computedAhead = new ConcurrentHashMap<>();
  /** Bodies of the blocks staged last, decoded: what the node reads right after a commit. */
  private final Map<Hash, List<Transaction>> recentBodies = Collections.synchronizedMap(
      new LinkedHashMap<>(RECENT_BODIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, List<Transaction>> eldest) {
          return size() > RECENT_BODIES;
        }
      });

  public ChainExecution(ChainSpec spec, BlockProcessor vm, BlockHeader genesis) {
    this.spec = spec;
    this.vm = vm;
    this.genesis = genesis;
    this.executor = new AcceptanceExecutor(spec, vm);
  }

  public AcceptanceExecutor executor() {
    return executor;
  }

  /** The EVM every block runs on, which state queries and calls use too. */
  public BlockProcessor vm() {
    return vm;
  }

  /** Hands over the body of a block about to be submitted. */
  public void expectBody(Hash block, List<Transaction> transactions) {
    arrivingBodies.put(block, List.copyOf(transactions));
  }

  /** Hands over an acceptance computed while producing {@code block}. */
  public void expectAcceptance(Hash block, Acceptance acceptance) {
    computedAhead.put(block, acceptance);
  }

  /** Drops what was handed over for {@code block}, once its submission is over. */
  public void forget(Hash block) {
    arrivingBodies.remove(block);
    computedAhead.remove(block);
  }

  @Override
  public void stage(ValidatedBlock block, KeyValueStoreReader committed, WriteBatch batch)
      throws BlockRejectedException {
    if (block.isGenesis()) {
      stageGenesis(block, batch);
      return;
    }
    BlockHeader header = block.header();
    Hash hash = header.hash();
    List<Transaction> body = arrivingBodies.get(hash);
    if (body == null) {
      throw new IllegalStateException("block " + hash + " was submitted without its body");
    }
    checkStatically(header, body);
    AcceptanceInputs inputs = inputsOf(block, body);
    Acceptance acceptance = computedAhead.get(hash);
    if (acceptance == null || !acceptance.inputs().equals(inputs)) {
      try {
        acceptance = executor.execute(committed, inputs);
      } catch (OwnTransactionRejectedException e) {
        throw violation(header, e.getMessage());
      } catch (PrecompileUnavailableException e) {
        throw new IllegalStateException("block " + hash + " cannot be executed here: " + e.getMessage(), e);
      }
    }
    checkCommitments(header, acceptance);

    for (WriteBatch.Operation write : acceptance.stateWrites().operations()) {
      batch.put(write.store(), ((WriteBatch.Put) write).key(), ((WriteBatch.Put) write).value());
    }
    ChainStore.stageBody(batch, hash, body);
    ChainStore.stageAcceptance(batch, hash, acceptance.record());
    stageChainMove(block, acceptance.record(), committed, batch);
    recentBodies.put(hash, body);
  }

  /** The body of {@code block}: decoded already when it was staged lately, else read from {@code store}. */
  public List<Transaction> body(KeyValueStoreReader store, Hash block) {
    List<Transaction> recent = recentBodies.get(block);
    if (recent != null) {
      return recent;
    }
    return ChainStore.body(store, block).orElseThrow(() -> new IllegalStateException("no body stored for " + block));
  }

  /** What a valid block's header and body say its acceptance is computed from. */
  public static AcceptanceInputs inputsOf(ValidatedBlock block, List<Transaction> body) {
    BlockHeader header = block.header();
    Set<Hash> blueMerged = new HashSet<>();
    for (Hash merged : block.mergesetInExecutionOrder()) {
      if (block.isBlue(merged)) {
        blueMerged.add(merged);
      }
    }
    return new AcceptanceInputs(block.ghostdag().selectedParent(), block.mergesetInExecutionOrder(), blueMerged,
        header.producer(), header.timestamp(), header.gasLimit(), prevRandao(header.vrfProof()), body);
  }

  /** PREVRANDAO of a block: the Keccak-256 of its VRF proof, which its producer cannot choose. */
  public static Hash prevRandao(byte[] vrfProof) {
    return Keccak256.hash(vrfProof);
  }

  private void checkStatically(BlockHeader header, List<Transaction> body) throws BlockRejectedException {
    Hash transactionsRoot = TransactionsRoot.of(body);
    if (!transactionsRoot.equals(header.transactionsRoot())) {
      throw violation(header, "transactions root " + header.transactionsRoot() + " does not match the body's "
          + transactionsRoot);
    }
    if (header.gasLimit() != spec.gasLimit()) {
      throw violation(header, "gas limit " + header.gasLimit() + " is not the chain's " + spec.gasLimit());
    }
    for (Transaction transaction : body) {
      Optional<java.math.BigInteger> chainId = transaction.chainId();
      if (chainId.isPresent() && chainId.get().longValueExact() != spec.chainId()) {
        throw violation(header, "transaction " + transaction.hash() + " is signed for chain " + chainId.get());
      }
    }
  }

  private static void checkCommitments(BlockHeader header, Acceptance acceptance) throws BlockRejectedException {
    AcceptanceRecord record = acceptance.record();
    if (!header.baseFeePerGas().equals(record.baseFee())) {
      throw violation(header, "base fee " + header.baseFeePerGas() + " where the selected parent sets "
          + record.baseFee());
    }
    if (header.gasUsed() != record.ownGasUsed()) {
      throw violation(header, "gas used " + header.gasUsed() + " where its transactions used " + record.ownGasUsed());
    }
    if (!header.stateRoot().equals(record.stateRoot())) {
      throw violation(header, "state root " + header.stateRoot() + " where execution gives " + record.stateRoot());
    }
    if (!header.receiptsRoot().equals(acceptance.receiptsRoot())) {
      throw violation(header, "receipts root " + header.receiptsRoot() + " where execution gives "
          + acceptance.receiptsRoot());
    }
    if (!java.util.Arrays.equals(header.logsBloom(), acceptance.logsBloom())) {
      throw violation(header, "logs bloom differs from the receipts'");
    }
  }

  private static BlockRejectedException violation(BlockHeader header, String detail) {
    return new BlockRejectedException(header.hash(), new RuleViolation.InvalidExecution(detail));
  }

  private void stageGenesis(ValidatedBlock block, WriteBatch batch) {
    BlockHeader header = block.header();
    if (!header.hash().equals(genesis.hash())) {
      throw new IllegalStateException("consensus opened genesis " + header.hash() + ", this chain's is "
          + genesis.hash());
    }
    Hash stateRoot = vm.genesis(spec.allocation(), batch);
    if (!stateRoot.equals(header.stateRoot())) {
      throw new IllegalStateException("genesis commits to state " + header.stateRoot() + " but its allocation gives "
          + stateRoot);
    }
    ChainStore.stageBody(batch, header.hash(), List.of());
    ChainStore.stageAcceptance(batch, header.hash(), new AcceptanceRecord(0, Hash.ZERO, header.timestamp(),
        Address.ZERO, stateRoot, header.gasLimit(), 0, header.baseFeePerGas(), List.of(), List.of(), List.of()));
    ChainStore.stageHead(batch, header.hash());
  }

  /**
   * Moves the transaction index with the selected chain: entries of removed chain blocks go, those of added
   * ones (this block among them) come, so a transaction points at the chain block that accepts it now; and
   * what the chain now accepts leaves the pending-transaction journal.
   */
  private static void stageChainMove(ValidatedBlock block, AcceptanceRecord record, KeyValueStoreReader committed,
      WriteBatch batch) {
    if (!block.becomesSink()) {
      return;
    }
    for (Hash removed : block.chainChange().removed()) {
      for (AcceptanceRecord.Entry entry : AcceptanceExecutor.record(committed, removed).accepted()) {
        ChainStore.stageIndexRemoval(batch, entry.transaction());
      }
    }
    for (Hash added : block.chainChange().added()) {
      AcceptanceRecord addedRecord = added.equals(block.hash()) ? record : AcceptanceExecutor.record(committed, added);
      List<AcceptanceRecord.Entry> entries = addedRecord.accepted();
      for (int i = 0; i < entries.size(); i++) {
        ChainStore.stageIndexEntry(batch, entries.get(i).transaction(), added, i);
        ChainStore.stagePendingTransactionRemoval(batch, entries.get(i).transaction());
      }
    }
    ChainStore.stageHead(batch, block.hash());
  }
}
