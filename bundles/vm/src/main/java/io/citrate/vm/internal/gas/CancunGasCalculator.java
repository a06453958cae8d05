package io.citrate.vm.internal.gas;

/**
 * Cancun's costs: Shanghai's, plus the prices of Cancun's new instructions, all fixed: EIP-1153's TLOAD and TSTORE
 * and EIP-4844's BLOBHASH. EIP-5656's MCOPY is priced like the other copies.
 */
public class CancunGasCalculator extends ShanghaiGasCalculator {
  public static final long TRANSIENT_STORAGE = 100;
  public static final long BLOBHASH = 3;
}
