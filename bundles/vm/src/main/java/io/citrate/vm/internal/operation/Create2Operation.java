package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.vm.internal.evm.ContractAddresses;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CREATE2 (0xf5): deploys a contract at an address derived from the creator, a salt and the initcode (EIP-1014). */
public final class Create2Operation extends AbstractCreateOperation {
  public Create2Operation(BerlinGasCalculator gasCalculator) {
    super(0xf5, "CREATE2", 4, gasCalculator);
  }

  @Override
  protected long cost(long initcodeLength, long expansion) {
    return gasCalculator.create2Cost(initcodeLength, expansion);
  }

  @Override
  protected Address contractAddress(MessageFrame frame, long creatorNonce, byte[] initcode) {
    byte[] salt = new byte[Hash.SIZE];
    Words.toBytes(frame.stack().limbs(), frame.stack().index(3), salt, 0);
    return ContractAddresses.create2(frame.recipient(), salt, initcode);
  }
}
