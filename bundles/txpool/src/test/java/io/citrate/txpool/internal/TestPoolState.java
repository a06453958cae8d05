package io.citrate.txpool.internal;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.txpool.api.PoolState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A head whose accounts the test sets: unknown accounts have nonce 0 and {@link #defaultBalance}. */
final class TestPoolState implements PoolState {
  static final long CHAIN_ID = 1337;
  static final long BLOCK_GAS_LIMIT = 30_000_000;

  final Map<Address, Long> nonces = new ConcurrentHashMap<>();
  final Map<Address, Wei> balances = new ConcurrentHashMap<>();
  volatile Wei defaultBalance = Wei.ofSalt(1_000);
  volatile Wei baseFee = Wei.ofGwei(1);

  @Override
  public long chainId() {
    return CHAIN_ID;
  }

  @Override
  public long nonce(Address account) {
    return nonces.getOrDefault(account, 0L);
  }

  @Override
  public Wei balance(Address account) {
    return balances.getOrDefault(account, defaultBalance);
  }

  @Override
  public Wei baseFee() {
    return baseFee;
  }

  @Override
  public long blockGasLimit() {
    return BLOCK_GAS_LIMIT;
  }
}
