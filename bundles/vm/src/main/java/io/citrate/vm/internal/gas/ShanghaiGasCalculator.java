package io.citrate.vm.internal.gas;

import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.core.api.tx.Transaction;
import java.util.List;

/**
 * Shanghai's costs: London's, with EIP-3860's initcode metering: at most 49152 bytes of initcode, and 2 gas per
 * initcode word for CREATE, CREATE2 and creating transactions.
 */
public class ShanghaiGasCalculator extends LondonGasCalculator {
  public static final long INITCODE_WORD = 2;
  /** EIP-3860: twice the EIP-170 code size limit. */
  public static final int MAX_INITCODE_SIZE = 2 * MAX_CODE_SIZE;

  @Override
  public long maxInitcodeSize() {
    return MAX_INITCODE_SIZE;
  }

  @Override
  public long transactionIntrinsicGas(Transaction transaction) {
    return transaction.intrinsicGas();
  }

  @Override
  public long messageIntrinsicGas(boolean creation, byte[] data, List<AccessListEntry> accessList) {
    long gas = super.messageIntrinsicGas(creation, data, accessList);
    return creation ? saturatingAdd(gas, saturatingMultiply(words(data.length), INITCODE_WORD)) : gas;
  }

  @Override
  public long createCost(long initcodeLength, long expansion) {
    return saturatingAdd(super.createCost(initcodeLength, expansion),
        saturatingMultiply(words(initcodeLength), INITCODE_WORD));
  }
}
