package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.operation.*;
import java.util.Map;

/** Assembles each fork's operation table in one place. */
public final class MainnetEvms {
  private MainnetEvms() {}

  /** The Cancun EVM running {@code precompiles} at their addresses. */
  public static Evm cancun(Map<Address, Precompile> precompiles) {
    CancunGasCalculator gas = new CancunGasCalculator();
    return new Evm(EvmSpecVersion.CANCUN, cancunOperations(gas), gas, precompiles);
  }

  static Operation[] cancunOperations(CancunGasCalculator gas) {
    Operation[] table = new Operation[256];
    for (int opcode = 0; opcode < 256; opcode++) {
      table[opcode] = new InvalidOperation(opcode, gas);
    }
    Operation[] operations = {
        new StopOperation(gas), new AddOperation(gas), new MulOperation(gas), new SubOperation(gas),
        new DivOperation(gas), new SDivOperation(gas), new ModOperation(gas), new SModOperation(gas),
        new AddModOperation(gas), new MulModOperation(gas), new ExpOperation(gas), new SignExtendOperation(gas),
        new LtOperation(gas), new GtOperation(gas), new SLtOperation(gas), new SGtOperation(gas), new EqOperation(gas),
        new IsZeroOperation(gas), new AndOperation(gas), new OrOperation(gas), new XorOperation(gas),
        new NotOperation(gas), new ByteOperation(gas), new ShlOperation(gas), new ShrOperation(gas),
        new SarOperation(gas), new Keccak256Operation(gas),
        new AddressOperation(gas), new BalanceOperation(gas), new OriginOperation(gas), new CallerOperation(gas),
        new CallValueOperation(gas), new CallDataLoadOperation(gas), new CallDataSizeOperation(gas),
        new CallDataCopyOperation(gas), new CodeSizeOperation(gas), new CodeCopyOperation(gas),
        new GasPriceOperation(gas), new ExtCodeSizeOperation(gas), new ExtCodeCopyOperation(gas),
        new ReturnDataSizeOperation(gas), new ReturnDataCopyOperation(gas), new ExtCodeHashOperation(gas),
        new BlockHashOperation(gas), new CoinbaseOperation(gas), new TimestampOperation(gas),
        new NumberOperation(gas), new PrevRandaoOperation(gas), new GasLimitOperation(gas),
        new ChainIdOperation(gas), new SelfBalanceOperation(gas), new BaseFeeOperation(gas),
        new BlobHashOperation(gas), new BlobBaseFeeOperation(gas),
        new PopOperation(gas), new MLoadOperation(gas), new MStoreOperation(gas), new MStore8Operation(gas),
        new SLoadOperation(gas), new SStoreOperation(gas), new JumpOperation(gas), new JumpiOperation(gas),
        new PcOperation(gas), new MSizeOperation(gas), new GasOperation(gas), new JumpDestOperation(gas),
        new TLoadOperation(gas), new TStoreOperation(gas), new MCopyOperation(gas), new Push0Operation(gas),
        new CreateOperation(gas), new CallOperation(gas), new CallCodeOperation(gas), new ReturnOperation(gas),
        new DelegateCallOperation(gas), new Create2Operation(gas), new StaticCallOperation(gas),
        new RevertOperation(gas), new SelfDestructOperation(gas)};
    for (Operation operation : operations) {
      register(table, operation);
    }
    for (int n = 1; n <= 32; n++) {
      register(table, new PushOperation(n, gas));
    }
    for (int n = 1; n <= 16; n++) {
      register(table, new DupOperation(n, gas));
      register(table, new SwapOperation(n, gas));
    }
    for (int topics = 0; topics <= 4; topics++) {
      register(table, new LogOperation(topics, gas));
    }
    return table;
  }

  private static void register(Operation[] table, Operation operation) {
    table[operation.opcode()] = operation;
  }
}
