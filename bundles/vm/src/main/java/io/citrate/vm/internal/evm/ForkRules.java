package io.citrate.vm.internal.evm;

import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.TransactionType;
import io.citrate.vm.api.BlockEnvironment;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a fork decides outside its operation table and gas calculator: the transaction types it accepts (EIP-1559's
 * type 2 brings the base fee with it; EIP-4844's type 3, blob gas), whether the coinbase starts warm (EIP-3651) and
 * whether new code may start with 0xEF (EIP-3541). {@link MainnetEvms} builds one per fork from the one before.
 */
public record ForkRules(EvmSpecVersion version, Set<TransactionType> transactionTypes, boolean warmCoinbase,
    boolean rejectsEofPrefix) {
  public ForkRules {
    transactionTypes = Set.copyOf(transactionTypes);
  }

  /** Berlin: legacy and EIP-2930 access list transactions, gas price paid in full to the coinbase. */
  static ForkRules berlin() {
    return new ForkRules(EvmSpecVersion.BERLIN, EnumSet.of(TransactionType.LEGACY, TransactionType.ACCESS_LIST),
        false, false);
  }

  /** London: EIP-1559 transactions and base fee, EIP-3541's 0xEF prefix rule. */
  static ForkRules london() {
    return berlin().with(EvmSpecVersion.LONDON).withType(TransactionType.EIP1559).rejectingEofPrefix();
  }

  static ForkRules paris() {
    return london().with(EvmSpecVersion.PARIS);
  }

  /** Shanghai: the coinbase starts warm (EIP-3651). */
  static ForkRules shanghai() {
    return paris().with(EvmSpecVersion.SHANGHAI).warmingCoinbase();
  }

  /** Cancun: EIP-4844 blob transactions. */
  static ForkRules cancun() {
    return shanghai().with(EvmSpecVersion.CANCUN).withType(TransactionType.BLOB);
  }

  /** The base fee a transaction pays and burns: the block's once EIP-1559 is active, zero before. */
  public Wei baseFee(BlockEnvironment block) {
    return transactionTypes.contains(TransactionType.EIP1559) ? block.baseFee() : Wei.ZERO;
  }

  private ForkRules with(EvmSpecVersion next) {
    return new ForkRules(next, transactionTypes, warmCoinbase, rejectsEofPrefix);
  }

  private ForkRules withType(TransactionType type) {
    Set<TransactionType> types = EnumSet.copyOf(transactionTypes);
    types.add(type);
    return new ForkRules(version, types, warmCoinbase, rejectsEofPrefix);
  }

  private ForkRules warmingCoinbase() {
    return new ForkRules(version, transactionTypes, true, rejectsEofPrefix);
  }

  private ForkRules rejectingEofPrefix() {
    return new ForkRules(version, transactionTypes, warmCoinbase, true);
  }
}
