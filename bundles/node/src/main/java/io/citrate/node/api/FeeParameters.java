package io.citrate.node.api;

import io.citrate.core.api.Wei;
import java.math.BigInteger;
import java.util.Objects;

/**
 * EIP-1559 base fee rules, applied along the selected chain: each chain block's base fee follows from its
 * selected parent's gas used against the gas target (gas limit over the elasticity multiplier).
 *
 * @param initialBaseFee the base fee of genesis, and so of the first block
 * @param elasticityMultiplier gas limit over gas target; 2 on Ethereum
 * @param baseFeeChangeDenominator the base fee moves by at most 1/this per block; 8 on Ethereum
 * @param burnBaseFee true to burn base fees as Ethereum does, false to pay them to the treasury
 */
public record FeeParameters(Wei initialBaseFee, int elasticityMultiplier, int baseFeeChangeDenominator,
    boolean burnBaseFee) {

  public FeeParameters {
    Objects.requireNonNull(initialBaseFee, "initialBaseFee");
    if (elasticityMultiplier < 1) {
      throw new IllegalArgumentException("elasticity multiplier must be positive: " + elasticityMultiplier);
    }
    if (baseFeeChangeDenominator < 1) {
      throw new IllegalArgumentException("base fee change denominator must be positive: " + baseFeeChangeDenominator);
    }
  }

  /** The base fee of a block whose selected parent had {@code parentBaseFee} and used {@code parentGasUsed}. */
  public Wei nextBaseFee(Wei parentBaseFee, long parentGasUsed, long parentGasLimit) {
    long target = parentGasLimit / elasticityMultiplier;
    if (target == 0 || parentGasUsed == target) {
      return parentBaseFee;
    }
    BigInteger base = parentBaseFee.toBigInteger();
    BigInteger denominator = BigInteger.valueOf(target).multiply(BigInteger.valueOf(baseFeeChangeDenominator));
    if (parentGasUsed > target) {
      BigInteger delta = base.multiply(BigInteger.valueOf(parentGasUsed - target)).divide(denominator)
          .max(BigInteger.ONE);
      return Wei.of(base.add(delta).min(Wei.MAX_VALUE));
    }
    BigInteger delta = base.multiply(BigInteger.valueOf(target - parentGasUsed)).divide(denominator);
    return Wei.of(base.subtract(delta));
  }
}
