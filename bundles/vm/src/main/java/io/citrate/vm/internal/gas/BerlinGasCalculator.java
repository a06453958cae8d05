package io.citrate.vm.internal.gas;

import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.core.api.tx.Transaction;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.state.Word;
import java.util.List;

/**
 * Gas costs under Berlin, the oldest fork this EVM implements and the root of the calculator chain
 * ({@link LondonGasCalculator}, {@link ShanghaiGasCalculator}, {@link CancunGasCalculator}), each later fork
 * overriding only what its EIPs change: the Yellow Paper tiers, EIP-150 call gas, EIP-2028 calldata, EIP-2929 warm
 * and cold access, EIP-2200 SSTORE metering with EIP-2929's costs and the original refunds (15000 for clearing a
 * slot, 24000 for SELFDESTRUCT, at most half the gas used). Sums saturate at {@link Long#MAX_VALUE}, which no frame
 * can pay, so overflowing costs read as out of gas.
 */
public class BerlinGasCalculator {
  public static final long ZERO_TIER = 0;
  public static final long BASE_TIER = 2;
  public static final long VERY_LOW_TIER = 3;
  public static final long LOW_TIER = 5;
  public static final long MID_TIER = 8;
  public static final long HIGH_TIER = 10;
  public static final long JUMPDEST = 1;
  public static final long BLOCKHASH = 20;
  public static final long EXP = 10;
  public static final long EXP_BYTE = 50;
  public static final long KECCAK256 = 30;
  public static final long KECCAK256_WORD = 6;
  public static final long COPY_WORD = 3;
  public static final long MEMORY_WORD = 3;
  public static final long QUADRATIC_MEMORY_DIVISOR = 512;
  public static final long LOG = 375;
  public static final long LOG_TOPIC = 375;
  public static final long LOG_DATA_BYTE = 8;
  public static final long WARM_STORAGE_READ = 100;
  public static final long COLD_ACCOUNT_ACCESS = 2_600;
  public static final long COLD_SLOAD = 2_100;
  public static final long SSTORE_SET = 20_000;
  public static final long SSTORE_RESET = 5_000 - COLD_SLOAD;
  /** EIP-2200: SSTORE fails when no more than the call stipend is left. */
  public static final long SSTORE_SENTRY = 2_300;
  public static final long CALL_VALUE_TRANSFER = 9_000;
  public static final long NEW_ACCOUNT = 25_000;
  public static final long CALL_STIPEND = 2_300;
  public static final long CREATE = 32_000;
  public static final long CODE_DEPOSIT_BYTE = 200;
  public static final long SELFDESTRUCT = 5_000;
  /** EIP-170. */
  public static final int MAX_CODE_SIZE = 24_576;

  public static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 || sum < 0 ? Long.MAX_VALUE : sum;
  }

  public static long saturatingMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high != 0 || low < 0 ? Long.MAX_VALUE : low;
  }

  public static long words(long bytes) {
    return bytes == Long.MAX_VALUE ? Long.MAX_VALUE / 32 + 1 : (bytes + 31) >>> 5;
  }

  /** Memory cost of {@code words} words: 3 per word plus words squared over 512. */
  public static long memoryCost(long words) {
    return saturatingAdd(saturatingMultiply(words, MEMORY_WORD),
        saturatingMultiply(words, words) / QUADRATIC_MEMORY_DIVISOR);
  }

  /** What growing {@code memory} to cover {@code [offset, offset+length)} costs; zero when it need not grow. */
  public long memoryExpansionCost(Memory memory, long offset, long length) {
    if (length == 0) {
      return 0;
    }
    if (offset == Long.MAX_VALUE || length == Long.MAX_VALUE || offset + length > Memory.MAX_BYTES) {
      return Long.MAX_VALUE;
    }
    long words = memory.wordsAfterTouching(offset, length);
    long current = memory.activeWords();
    return words <= current ? 0 : memoryCost(words) - memoryCost(current);
  }

  /** The larger expansion of two ranges, as a call charges for its input and output areas together. */
  public long memoryExpansionCost(Memory memory, long offset1, long length1, long offset2, long length2) {
    return Math.max(memoryExpansionCost(memory, offset1, length1), memoryExpansionCost(memory, offset2, length2));
  }

  /** Base cost plus 3 per copied word plus expansion: CALLDATACOPY, CODECOPY, RETURNDATACOPY, MCOPY. */
  public long copyCost(long base, long length, long expansion) {
    return saturatingAdd(saturatingAdd(base, saturatingMultiply(words(length), COPY_WORD)), expansion);
  }

  public long accountAccessCost(boolean warm) {
    return warm ? WARM_STORAGE_READ : COLD_ACCOUNT_ACCESS;
  }

  public long sloadCost(boolean warm) {
    return warm ? WARM_STORAGE_READ : COLD_SLOAD;
  }

  public long expCost(int exponentBytes) {
    return EXP + EXP_BYTE * exponentBytes;
  }

  public long keccak256Cost(long length, long expansion) {
    return saturatingAdd(saturatingAdd(KECCAK256, saturatingMultiply(words(length), KECCAK256_WORD)), expansion);
  }

  public long logCost(int topics, long length, long expansion) {
    return saturatingAdd(saturatingAdd(LOG + LOG_TOPIC * topics, saturatingMultiply(length, LOG_DATA_BYTE)), expansion);
  }

  /** EIP-2200 with EIP-2929 costs: what writing {@code value} over {@code current} costs, cold surcharge apart. */
  public long sstoreCost(Word original, Word current, Word value) {
    if (current.equals(value) || !original.equals(current)) {
      return WARM_STORAGE_READ;
    }
    return original.isZero() ? SSTORE_SET : SSTORE_RESET;
  }

  /** EIP-2200: what clearing a slot refunds. */
  public long sstoreClearsRefund() {
    return 15_000;
  }

  /** What SELFDESTRUCT refunds, once per account and transaction. */
  public long selfDestructRefund() {
    return 24_000;
  }

  /** Refunds are capped at the gas used over this quotient. */
  public long maxRefundQuotient() {
    return 2;
  }

  /** The longest initcode CREATE, CREATE2 and a creating transaction may carry; no limit before EIP-3860. */
  public long maxInitcodeSize() {
    return Long.MAX_VALUE;
  }

  /**
   * Gas a transaction pays before execution: base cost, calldata and access list. {@link Transaction#intrinsicGas()}
   * also counts EIP-3860's initcode words, which this fork does not charge.
   */
  public long transactionIntrinsicGas(Transaction transaction) {
    long gas = transaction.intrinsicGas();
    if (transaction.isContractCreation()) {
      gas -= Transaction.INITCODE_WORD_GAS * words(transaction.dataSize());
    }
    return gas;
  }

  /**
   * Gas a message that is not a signed transaction ({@code eth_call}, gas estimation) pays before execution: what
   * a transaction with the same recipient, data and access list would pay.
   */
  public long messageIntrinsicGas(boolean creation, byte[] data, List<AccessListEntry> accessList) {
    long gas = creation ? Transaction.TX_CREATE_GAS : Transaction.TX_GAS;
    for (byte b : data) {
      gas += b == 0 ? Transaction.TX_DATA_ZERO_GAS : Transaction.TX_DATA_NON_ZERO_GAS;
    }
    for (AccessListEntry entry : accessList) {
      gas = saturatingAdd(gas, saturatingAdd(Transaction.ACCESS_LIST_ADDRESS_GAS,
          saturatingMultiply(Transaction.ACCESS_LIST_STORAGE_KEY_GAS, entry.storageKeys().size())));
    }
    return gas;
  }

  /** EIP-2200 refund change for the same write, with this fork's clearing refund; may be negative. */
  public long sstoreRefund(Word original, Word current, Word value) {
    long clearsRefund = sstoreClearsRefund();
    if (current.equals(value)) {
      return 0;
    }
    long refund = 0;
    if (original.equals(current)) {
      if (!original.isZero() && value.isZero()) {
        refund += clearsRefund;
      }
      return refund;
    }
    if (!original.isZero()) {
      if (current.isZero()) {
        refund -= clearsRefund;
      } else if (value.isZero()) {
        refund += clearsRefund;
      }
    }
    if (original.equals(value)) {
      refund += original.isZero() ? SSTORE_SET - WARM_STORAGE_READ : SSTORE_RESET - WARM_STORAGE_READ;
    }
    return refund;
  }

  /** EIP-150: all but one 64th of what is left, capped by what the caller asked for. */
  public long gasForChild(long available, long requested) {
    long cap = available - available / 64;
    return Math.min(cap, requested);
  }

  /** CREATE: 32000 plus the memory expansion. */
  public long createCost(long initcodeLength, long expansion) {
    return saturatingAdd(CREATE, expansion);
  }

  /** CREATE2 also hashes the initcode: 6 more per word. */
  public long create2Cost(long initcodeLength, long expansion) {
    return saturatingAdd(createCost(initcodeLength, expansion),
        saturatingMultiply(words(initcodeLength), KECCAK256_WORD));
  }

  public long codeDepositCost(int codeLength) {
    return CODE_DEPOSIT_BYTE * codeLength;
  }
}
