package io.citrate.vm.internal.operation;

import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** BLOBBASEFEE (0x4a): The block's blob base fee (EIP-7516). */
public final class BlobBaseFeeOperation extends AbstractFixedCostOperation {
  public BlobBaseFeeOperation(BerlinGasCalculator gasCalculator) {
    super(0x4a, "BLOBBASEFEE", 0, 1, BerlinGasCalculator.BASE_TIER, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    frame.stack().pushWei(frame.transaction().blobBaseFee());
    return null;
  }
}
