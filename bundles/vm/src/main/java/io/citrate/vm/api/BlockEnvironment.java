package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import java.math.BigInteger;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * What a transaction may know about the block that includes it.
 *
 * @param coinbase receives priority fees
 * @param number block number
 * @param timestamp seconds since the epoch
 * @param gasLimit the block's gas limit; no transaction may ask for more
 * @param baseFee EIP-1559 base fee per gas
 * @param prevRandao PREVRANDAO (EIP-4399)
 * @param excessBlobGas EIP-4844 excess blob gas, from which the blob base fee follows
 * @param chainId CHAINID (EIP-1344), and the chain transactions must be signed for
 * @param blockHashes BLOCKHASH for the 256 blocks below {@code number}; asked only for those
 * @param difficulty DIFFICULTY, what 0x44 reads before Paris; zero after the merge
 */
public record BlockEnvironment(Address coinbase, long number, long timestamp, long gasLimit, Wei baseFee,
    Hash prevRandao, long excessBlobGas, long chainId, LongFunction<Hash> blockHashes, BigInteger difficulty) {
  private static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;
  /** Cancun's BLOB_BASE_FEE_UPDATE_FRACTION. */
  private static final BigInteger BLOB_BASE_FEE_UPDATE_FRACTION = BigInteger.valueOf(3_338_477);

  public BlockEnvironment {
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(blockHashes, "blockHashes");
    Objects.requireNonNull(difficulty, "difficulty");
  }

  /** A block after the merge, whose difficulty is zero. */
  public BlockEnvironment(Address coinbase, long number, long timestamp, long gasLimit, Wei baseFee,
      Hash prevRandao, long excessBlobGas, long chainId, LongFunction<Hash> blockHashes) {
    this(coinbase, number, timestamp, gasLimit, baseFee, prevRandao, excessBlobGas, chainId, blockHashes,
        BigInteger.ZERO);
  }

  /** Price of one unit of blob gas: EIP-4844's integer approximation of e ** (excessBlobGas / 3338477), at least 1. */
  public Wei blobBaseFee() {
    return Wei.of(approximateExponential(MIN_BLOB_BASE_FEE, BigInteger.valueOf(excessBlobGas), BLOB_BASE_FEE_UPDATE_FRACTION));
  }

  /** EIP-4844's integer approximation of factor * e ** (numerator / denominator). */
  static BigInteger approximateExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = factor.multiply(denominator);
    for (int i = 1; accumulator.signum() > 0; i++) {
      output = output.add(accumulator);
      accumulator = accumulator.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }
}
