package io.citrate.node.internal;

import io.citrate.consensus.api.BlockRejectedException;
import io.citrate.consensus.api.ConsensusGenesis;
import io.citrate.consensus.api.ExecutionStage;
import io.citrate.consensus.api.ValidatedBlock;
import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.block.BlockHeader;
import io.citrate.node.api.ChainSpec;
import io.citrate.node.internal.chain.ChainSpecReader;
import io.citrate.node.internal.chain.Genesis;
import io.citrate.node.internal.execution.ChainExecution;
import io.citrate.node.internal.execution.ChainStore;
import io.citrate.node.internal.execution.HeadState;
import io.citrate.store.api.KeyValueStore;
import io.citrate.store.api.KeyValueStoreReader;
import io.citrate.store.api.WriteBatch;
import io.citrate.txpool.api.PoolState;
import io.citrate.vm.api.BlockProcessor;
import io.citrate.vm.api.GenesisAccount;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain this node runs: reads the chain specification named by PID {@code io.citrate.node}, computes its
 * genesis ({@link GenesisComponent} registers it for consensus), and serves as consensus's {@link ExecutionStage}
 * and as the pool's view of the head ({@link PoolState}).
 */
@Component(service = {ExecutionStage.class, PoolState.class, ChainComponent.class}, immediate = true,
    configurationPid = ChainComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = NodeConfiguration.class)
public final class ChainComponent implements ExecutionStage, PoolState {
  static final String PID = "io.citrate.node";
  private static final Logger LOG = LoggerFactory.getLogger(ChainComponent.class);

  private final ChainSpec spec;
  private final BlockHeader genesis;
  private final ChainExecution execution;
  private final KeyValueStore store;
  private final BlockProcessor vm;
  private volatile HeadState head;

  @Activate
  public ChainComponent(@Reference KeyValueStore store, @Reference BlockProcessor vm,
      NodeConfiguration configuration) {
    this.spec = ChainSpecReader.load(configuration.chain());
    this.store = store;
    this.vm = vm;
    this.genesis = Genesis.header(spec, vm);
    this.execution = new ChainExecution(spec, vm, genesis);
    LOG.info("Chain {} (id {}), genesis {}", spec.name(), spec.chainId(), genesis.hash());
  }

  public ChainSpec spec() {
    return spec;
  }

  public BlockHeader genesis() {
    return genesis;
  }

  /** What consensus opens against: this chain's id, rules, genesis header and validators. */
  public ConsensusGenesis consensusGenesis() {
    return Genesis.consensusGenesis(spec, genesis);
  }

  public ChainExecution execution() {
    return execution;
  }

  public KeyValueStore store() {
    return store;
  }

  /**
   * The head as the store holds it: the last committed sink. Available once consensus has opened, which
   * writes genesis.
   */
  public HeadState head() {
    HeadState current = head;
    if (current == null) {
      synchronized (this) {
        current = head;
        if (current == null) {
          Hash committedHead = ChainStore.head(store).orElseThrow(() ->
              new IllegalStateException("the chain has no head yet: consensus has not opened"));
          current = new HeadState(spec, vm, store, execution.executor(), committedHead);
          head = current;
        }
      }
    }
    return current;
  }

  @Override
  public void stage(ValidatedBlock block, KeyValueStoreReader committed, WriteBatch batch)
      throws BlockRejectedException {
    execution.stage(block, committed, batch);
  }

  @Override
  public long chainId() {
    return spec.chainId();
  }

  @Override
  public long nonce(Address account) {
    return headOrGenesis().map(state -> state.nonce(account))
        .orElseGet(() -> genesisAccount(account).map(GenesisAccount::nonce).orElse(0L));
  }

  @Override
  public Wei balance(Address account) {
    return headOrGenesis().map(state -> state.balance(account))
        .orElseGet(() -> genesisAccount(account).map(GenesisAccount::balance).orElse(Wei.ZERO));
  }

  /** Until consensus has written genesis, the head is genesis: its accounts are the allocation's. */
  private Optional<GenesisAccount> genesisAccount(Address address) {
    return spec.allocation().stream().filter(account -> account.address().equals(address)).findFirst();
  }

  @Override
  public Wei baseFee() {
    return headOrGenesis().map(HeadState::baseFee).orElse(spec.fees().initialBaseFee());
  }

  @Override
  public long blockGasLimit() {
    return spec.gasLimit();
  }

  /** The committed head; empty only before consensus has opened and written genesis. */
  private Optional<HeadState> headOrGenesis() {
    return head != null || ChainStore.head(store).isPresent() ? Optional.of(head()) : Optional.empty();
  }
}
