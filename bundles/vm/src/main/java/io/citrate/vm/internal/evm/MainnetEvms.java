package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.gas.CancunGasCalculator;
import io.citrate.vm.internal.gas.LondonGasCalculator;
import io.citrate.vm.internal.gas.ShanghaiGasCalculator;
import io.citrate.vm.internal.operation.*;
import java.util.Map;

/**
 * Assembles each fork's EVM in one place: its rules, its gas calculator and its operation table, each fork's table
 * registered on top of the previous fork's so that what a fork adds or replaces reads in one method. The node runs
 * {@link #cancun}; the older forks (Berlin on, see {@link EvmSpecVersion}) serve the conformance tests.
 */
public final class MainnetEvms {
  private MainnetEvms() {}

  /** The EVM of {@code fork} running {@code precompiles} at their addresses. */
  public static Evm forFork(EvmSpecVersion fork, Map<Address, Precompile> precompiles) {
    return switch (fork) {
      case BERLIN -> berlin(precompiles);
      case LONDON -> london(precompiles);
      case PARIS -> paris(precompiles);
      case SHANGHAI -> shanghai(precompiles);
      case CANCUN -> cancun(precompiles);
    };
  }

  public static Evm berlin(Map<Address, Precompile> precompiles) {
    return evm(ForkRules.berlin(), new BerlinGasCalculator(), MainnetEvms::registerBerlinOperations, precompiles);
  }

  public static Evm london(Map<Address, Precompile> precompiles) {
    return evm(ForkRules.london(), new LondonGasCalculator(), MainnetEvms::registerLondonOperations, precompiles);
  }

  /** Paris changes no cost: London's calculator. */
  public static Evm paris(Map<Address, Precompile> precompiles) {
    return evm(ForkRules.paris(), new LondonGasCalculator(), MainnetEvms::registerParisOperations, precompiles);
  }

  public static Evm shanghai(Map<Address, Precompile> precompiles) {
    return evm(ForkRules.shanghai(), new ShanghaiGasCalculator(), MainnetEvms::registerShanghaiOperations,
        precompiles);
  }

  /** The Cancun EVM running {@code precompiles} at their addresses. */
  public static Evm cancun(Map<Address, Precompile> precompiles) {
    return evm(ForkRules.cancun(), new CancunGasCalculator(), MainnetEvms::registerCancunOperations, precompiles);
  }

  private static Evm evm(ForkRules rules, BerlinGasCalculator gas, Registration registration,
      Map<Address, Precompile> precompiles) {
    return new Evm(rules, table(gas, registration), gas, precompiles);
  }

  private interface Registration {
    void register(Operation[] table, BerlinGasCalculator gas);
  }

  /** A table of 256 operations: every opcode invalid until {@code registration} assigns it. */
  private static Operation[] table(BerlinGasCalculator gas, Registration registration) {
    Operation[] table = new Operation[256];
    for (int opcode = 0; opcode < 256; opcode++) {
      table[opcode] = new InvalidOperation(opcode, gas);
    }
    registration.register(table, gas);
    return table;
  }

  /** Berlin's instructions: Frontier's through Istanbul's; 0x44 is DIFFICULTY, SELFDESTRUCT always deletes. */
  static void registerBerlinOperations(Operation[] table, BerlinGasCalculator gas) {
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
        new NumberOperation(gas), new DifficultyOperation(gas), new GasLimitOperation(gas),
        new ChainIdOperation(gas), new SelfBalanceOperation(gas),
        new PopOperation(gas), new MLoadOperation(gas), new MStoreOperation(gas), new MStore8Operation(gas),
        new SLoadOperation(gas), new SStoreOperation(gas), new JumpOperation(gas), new JumpiOperation(gas),
        new PcOperation(gas), new MSizeOperation(gas), new GasOperation(gas), new JumpDestOperation(gas),
        new CreateOperation(gas), new CallOperation(gas), new CallCodeOperation(gas), new ReturnOperation(gas),
        new DelegateCallOperation(gas), new Create2Operation(gas), new StaticCallOperation(gas),
        new RevertOperation(gas), new SelfDestructOperation(gas, false)};
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
  }

  /** London adds BASEFEE (EIP-3198). */
  static void registerLondonOperations(Operation[] table, BerlinGasCalculator gas) {
    registerBerlinOperations(table, gas);
    register(table, new BaseFeeOperation(gas));
  }

  /** Paris turns 0x44 into PREVRANDAO (EIP-4399). */
  static void registerParisOperations(Operation[] table, BerlinGasCalculator gas) {
    registerLondonOperations(table, gas);
    register(table, new PrevRandaoOperation(gas));
  }

  /** Shanghai adds PUSH0 (EIP-3855). */
  static void registerShanghaiOperations(Operation[] table, BerlinGasCalculator gas) {
    registerParisOperations(table, gas);
    register(table, new Push0Operation(gas));
  }

  /**
   * Cancun adds TLOAD and TSTORE (EIP-1153), MCOPY (EIP-5656), BLOBHASH (EIP-4844) and BLOBBASEFEE (EIP-7516), and
   * SELFDESTRUCT deletes only accounts created in the same transaction (EIP-6780).
   */
  static void registerCancunOperations(Operation[] table, BerlinGasCalculator gas) {
    registerShanghaiOperations(table, gas);
    register(table, new TLoadOperation(gas));
    register(table, new TStoreOperation(gas));
    register(table, new MCopyOperation(gas));
    register(table, new BlobHashOperation(gas));
    register(table, new BlobBaseFeeOperation(gas));
    register(table, new SelfDestructOperation(gas, true));
  }

  private static void register(Operation[] table, Operation operation) {
    table[operation.opcode()] = operation;
  }
}
