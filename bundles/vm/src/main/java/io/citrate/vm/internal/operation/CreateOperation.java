package io.citrate.vm.internal.operation;

import io.citrate.core.api.Address;
import io.citrate.vm.internal.evm.ContractAddresses;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.gas.BerlinGasCalculator;

/** CREATE (0xf0): deploys a contract at an address derived from the creator and its nonce. */
public final class CreateOperation extends AbstractCreateOperation {
  public CreateOperation(BerlinGasCalculator gasCalculator) {
    super(0xf0, "CREATE", 3, gasCalculator);
  }

  @Override
  protected long cost(long initcodeLength, long expansion) {
    return gasCalculator.createCost(initcodeLength, expansion);
  }

  @Override
  protected Address contractAddress(MessageFrame frame, long creatorNonce, byte[] initcode) {
    return ContractAddresses.create(frame.recipient(), creatorNonce);
  }
}
