package io.citrate.vm.internal.processor;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.Transaction;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.WriteBatch;
import io.citrate.vm.api.AccountOverride;
import io.citrate.vm.api.AccountSnapshot;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.BlockPayouts;
import io.citrate.vm.api.BlockExecutionResult;
import io.citrate.vm.api.BlockProcessor;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;
import io.citrate.vm.api.ExecutionSegment;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.GenesisAccount;
import io.citrate.vm.api.PrecompileRegistry;
import io.citrate.vm.api.PrecompileUnavailableException;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.internal.evm.Evm;
import io.citrate.vm.internal.evm.MainnetEvms;
import io.citrate.vm.internal.state.KeyValueTrieNodeStore;
import io.citrate.vm.internal.state.TrieNodeCache;
import io.citrate.vm.internal.state.TrieWorldState;
import io.citrate.vm.internal.state.Word;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BlockProcessor} service: the Cancun EVM over the state in the node's {@link KeyValueStore}, running
 * for each block the precompiles the {@link PrecompileRegistry} names for its number.
 */
@Component(service = BlockProcessor.class)
public final class BlockProcessorComponent implements BlockProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BlockProcessorComponent.class);

  /** About 16 MiB at most: the account trie's upper levels and the hot contracts' nodes. */
  private static final int CACHED_TRIE_NODES = 32_768;

  private final KeyValueStore store;
  private final PrecompileRegistry precompiles;
  private final TrieNodeCache nodeCache = new TrieNodeCache(CACHED_TRIE_NODES);

  @Activate
  public BlockProcessorComponent(@Reference KeyValueStore store, @Reference PrecompileRegistry precompiles) {
    this.store = store;
    this.precompiles = precompiles;
  }

  @Override
  public Hash genesis(List<GenesisAccount> allocation, WriteBatch batch) {
    KeyValueTrieNodeStore nodes = new KeyValueTrieNodeStore(store, nodeCache);
    TrieWorldState state = TrieWorldState.empty(nodes);
    // Address order, so the same allocation writes the same batch whatever order it came in.
    for (GenesisAccount account : allocation.stream().sorted(Comparator.comparing(GenesisAccount::address)).toList()) {
      Map<Word, Word> storage = new LinkedHashMap<>();
      account.storage().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(slot ->
          storage.put(Word.fromBytes(slot.getKey().unsafeBytes()), Word.fromBytes(slot.getValue().unsafeBytes())));
      state.updateAccount(account.address(), account.nonce(), account.balance(), account.code(), storage);
    }
    state.commit();
    nodes.drainInto(batch);
    return state.rootHash();
  }

  @Override
  public BlockExecutionResult execute(Hash parentStateRoot, BlockEnvironment block, List<Transaction> transactions,
      WriteBatch batch) throws PrecompileUnavailableException {
    return execute(store, parentStateRoot, List.of(new ExecutionSegment(block, transactions)), BlockPayouts.NONE,
        batch);
  }

  @Override
  public BlockExecutionResult execute(KeyValueStoreReader stateNodes, Hash parentStateRoot,
      List<ExecutionSegment> segments, BlockPayouts payouts, WriteBatch batch)
      throws PrecompileUnavailableException {
    BlockExecutor executor = executorFor(segments);
    KeyValueTrieNodeStore nodes = new KeyValueTrieNodeStore(stateNodes, nodeCache);
    TrieWorldState state = TrieWorldState.load(parentStateRoot, nodes);
    BlockExecutionResult result = executor.execute(state, segments, payouts);
    nodes.drainInto(batch);
    return result;
  }

  @Override
  public Optional<TransactionReceipt> traceTransaction(KeyValueStoreReader stateNodes, Hash parentStateRoot,
      List<ExecutionSegment> segments, Hash transaction, ExecutionTracer tracer) throws PrecompileUnavailableException {
    BlockExecutor executor = executorFor(segments);
    // Nothing is committed or drained: the replayed state lives and dies in this trie node store.
    TrieWorldState state = TrieWorldState.load(parentStateRoot, new KeyValueTrieNodeStore(stateNodes, nodeCache));
    return executor.trace(state, segments, transaction, tracer);
  }

  /** The executor of the one block {@code segments} belong to, with the precompiles scheduled at its number. */
  private BlockExecutor executorFor(List<ExecutionSegment> segments) throws PrecompileUnavailableException {
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("nothing to execute: no segments");
    }
    long number = segments.get(0).environment().number();
    for (ExecutionSegment segment : segments) {
      if (segment.environment().number() != number) {
        throw new IllegalArgumentException("segments of blocks " + number + " and "
            + segment.environment().number() + " cannot run as one block");
      }
    }
    return new BlockExecutor(new TransactionExecutor(MainnetEvms.cancun(precompiles.precompilesAt(number))));
  }

  @Override
  public AccountSnapshot account(KeyValueStoreReader stateNodes, Hash stateRoot, Address address) {
    return TrieWorldState.load(stateRoot, new KeyValueTrieNodeStore(stateNodes, nodeCache)).account(address)
        .map(account -> new AccountSnapshot(account.nonce(), account.balance(), account.codeHash(),
            account.storageRoot()))
        .orElse(new AccountSnapshot(0, Wei.ZERO, Hash.EMPTY, Hash.EMPTY_TRIE_ROOT));
  }

  @Override
  public byte[] code(KeyValueStoreReader stateNodes, Hash stateRoot, Address address) {
    TrieWorldState state = TrieWorldState.load(stateRoot, new KeyValueTrieNodeStore(stateNodes, nodeCache));
    return state.account(address).map(account -> state.code(account.codeHash())).orElse(Bytes.EMPTY).clone();
  }

  @Override
  public Hash storage(KeyValueStoreReader stateNodes, Hash stateRoot, Address address, Hash slot) {
    Word value = TrieWorldState.load(stateRoot, new KeyValueTrieNodeStore(stateNodes, nodeCache))
        .storage(address, Word.fromBytes(slot.unsafeBytes()));
    return Hash.wrap(value.toBytes32());
  }

  @Override
  public CallResult call(KeyValueStoreReader stateNodes, Hash stateRoot, BlockEnvironment block, CallMessage message,
      Map<Address, AccountOverride> overrides) {
    try {
      TrieWorldState state = TrieWorldState.load(stateRoot, new KeyValueTrieNodeStore(stateNodes, nodeCache));
      StateOverrides.apply(state, overrides);
      Evm evm = MainnetEvms.cancun(precompiles.precompilesAt(block.number()));
      return new MessageCallExecutor(evm).call(state, block, message);
    } catch (PrecompileUnavailableException e) {
      return CallResult.notRun(CallStatus.REJECTED, e.getMessage());
    } catch (RuntimeException e) {
      // A state that cannot be read (a missing node, a corrupt account) fails this call, not the caller.
      LOG.warn("Call {} on state {} failed", message, stateRoot, e);
      return CallResult.notRun(CallStatus.REJECTED, "call failed: state " + stateRoot + " could not be read");
    }
  }
}
