package io.citrate.vm.internal.operation;

import io.citrate.core.api.Hash;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import java.util.List;

/** BLOBHASH (0x49): The transaction's blob versioned hash at the index, or 0 (EIP-4844). */
public final class BlobHashOperation extends AbstractFixedCostOperation {
  public BlobHashOperation(BerlinGasCalculator gasCalculator) {
    super(0x49, "BLOBHASH", 1, 1, CancunGasCalculator.BLOBHASH, gasCalculator);
  }

  @Override
  protected ExceptionalHaltReason executeFixedCostOperation(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] w = stack.limbs();
    int a = stack.index(0);
    List<Hash> hashes = frame.transaction().blobVersionedHashes();
    if (Words.fitsLong(w, a) && w[a] < hashes.size()) {
      Words.fromBytes(hashes.get((int) w[a]).unsafeBytes(), 0, 32, w, a);
    } else {
      Words.setZero(w, a);
    }
    return null;
  }
}
