package io.citrate.txpool.internal;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.core.api.crypto.KeyPair;
import io.citrate.core.api.crypto.PrivateKey;
import io.citrate.core.api.tx.Transaction;
import io.citrate.core.api.tx.TransactionType;
import java.math.BigInteger;

/** Signed test transactions from deterministic keys; fees in gwei unless a name says wei. */
final class Transactions {
  static final Address RECIPIENT = Address.fromHex("0x00000000000000000000000000000000000000aa");
  static final long GAS = Transaction.TX_GAS;

  private Transactions() {}

  static KeyPair key(int index) {
    return KeyPair.of(PrivateKey.fromScalar(BigInteger.valueOf(0x1000 + index)));
  }

  /** An EIP-1559 transfer of 1 wei with a tip cap and a fee cap in gwei. */
  static Transaction eip1559(KeyPair key, long nonce, long tipGwei, long feeCapGwei) {
    return eip1559Wei(key, nonce, Wei.ofGwei(tipGwei), Wei.ofGwei(feeCapGwei), GAS);
  }

  static Transaction eip1559Wei(KeyPair key, long nonce, Wei tip, Wei feeCap, long gasLimit) {
    return Transaction.builder(TransactionType.EIP1559).chainId(TestPoolState.CHAIN_ID).nonce(nonce)
        .maxPriorityFeePerGas(tip).maxFeePerGas(feeCap).gasLimit(gasLimit).to(RECIPIENT).value(Wei.ONE)
        .sign(key.privateKey());
  }

  /** An EIP-155 legacy transfer of 1 wei. */
  static Transaction legacy(KeyPair key, long nonce, long gasPriceGwei) {
    return Transaction.builder(TransactionType.LEGACY).chainId(TestPoolState.CHAIN_ID).nonce(nonce)
        .gasPrice(Wei.ofGwei(gasPriceGwei)).gasLimit(GAS).to(RECIPIENT).value(Wei.ONE).sign(key.privateKey());
  }
}
