package io.citrate.vm.internal.processor;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.CallMessage;
import io.citrate.vm.api.CallResult;
import io.citrate.vm.api.CallStatus;
import io.citrate.vm.api.Log;
import io.citrate.vm.internal.evm.ContractAddresses;
import io.citrate.vm.internal.evm.DefaultExceptionalHaltReason;
import io.citrate.vm.internal.evm.Evm;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.TransactionContext;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;
import io.citrate.vm.internal.state.Word;
import io.citrate.vm.internal.state.WorldState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link CallMessage} as geth runs {@code eth_call}: a transaction's checks and costs (fee caps against the
 * base fee, funds for gas and value, intrinsic gas, EIP-3860's initcode limit), its warm access set and refunds
 * ({@link TransactionExecutor}'s), but no signature, nonce or EIP-3607 sender check, and nothing written back:
 * the journaled changes are dropped. A message without a price pays nothing and sees a zero base fee.
 */
public final class MessageCallExecutor {
  private static final long MAX_NONCE = -1L;

  private final Evm evm;
  private final BerlinGasCalculator gasCalculator;
  private final TransactionExecutor transactions;

  public MessageCallExecutor(Evm evm) {
    this.evm = evm;
    this.gasCalculator = evm.gasCalculator();
    this.transactions = new TransactionExecutor(evm);
  }

  /** Runs {@code message} on {@code world} in {@code block}; {@code world} is only read. */
  public CallResult call(WorldState world, BlockEnvironment block, CallMessage message) {
    Address sender = message.from();
    if (message.gasPrice().isPresent()
        && (message.maxFeePerGas().isPresent() || message.maxPriorityFeePerGas().isPresent())) {
      return rejected("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    if (message.gas() < 0) {
      return rejected("gas limit " + Long.toUnsignedString(message.gas()) + " above 2^63 - 1");
    }
    Wei feeCap = message.gasPrice().or(message::maxFeePerGas).orElse(Wei.ZERO);
    Wei tipCap = message.gasPrice().or(message::maxPriorityFeePerGas).orElse(Wei.ZERO);
    boolean unpriced = feeCap.isZero() && tipCap.isZero();
    BlockEnvironment environment = unpriced ? withoutBaseFee(block) : block;
    Wei baseFee = evm.rules().baseFee(environment);
    if (!unpriced) {
      if (feeCap.lessThan(tipCap)) {
        return rejected("max priority fee per gas higher than max fee per gas: address " + sender
            + ", maxPriorityFeePerGas: " + tipCap + ", maxFeePerGas: " + feeCap);
      }
      if (feeCap.lessThan(baseFee)) {
        return rejected("max fee per gas less than block base fee: address " + sender + ", maxFeePerGas: " + feeCap
            + ", baseFee: " + baseFee);
      }
    }
    Wei gasPrice = message.gasPrice().orElseGet(() -> Wei.of(
        tipCap.toBigInteger().add(baseFee.toBigInteger()).min(feeCap.toBigInteger())));

    JournaledState state = new JournaledState(world);
    long gasLimit = message.gas();
    BigInteger gasCost = feeCap.toBigInteger().multiply(BigInteger.valueOf(gasLimit));
    BigInteger needed = gasCost.add(message.value().toBigInteger());
    if (state.balance(sender).toBigInteger().compareTo(needed) < 0) {
      return rejected("insufficient funds for gas * price + value: address " + sender + " have "
          + state.balance(sender) + " want " + needed);
    }
    boolean creation = message.isContractCreation();
    byte[] data = message.data();
    long intrinsicGas = gasCalculator.messageIntrinsicGas(creation, data, message.accessList());
    if (gasLimit < intrinsicGas) {
      return CallResult.notRun(CallStatus.INTRINSIC_GAS_TOO_LOW,
          "intrinsic gas too low: have " + gasLimit + ", want " + intrinsicGas);
    }
    if (creation && data.length > gasCalculator.maxInitcodeSize()) {
      return rejected("max initcode size exceeded: code size " + data.length + " limit "
          + gasCalculator.maxInitcodeSize());
    }
    long nonce = state.nonce(sender);
    if (nonce == MAX_NONCE) {
      return rejected("nonce has max value: address " + sender);
    }
    state.subtractBalance(sender, gasPrice.multiply(gasLimit));
    state.setNonce(sender, nonce + 1);

    Address recipient = message.to().orElseGet(() -> ContractAddresses.create(sender, nonce));
    TransactionContext context = new TransactionContext(sender, gasPrice, List.of(), environment, state);
    transactions.warmAccessSet(state, sender, recipient, environment, message.accessList());
    state.recordAccesses();
    MessageFrame frame = transactions.initialFrame(context, creation, sender, recipient, message.value(), data,
        gasLimit - intrinsicGas);
    if (frame == null) {
      return new CallResult(CallStatus.HALTED, gasLimit, 0, new byte[0],
          DefaultExceptionalHaltReason.CONTRACT_ADDRESS_COLLISION.description(), List.of(), List.of());
    }
    evm.execute(frame);
    long gasUsed = gasLimit - frame.gasRemaining();
    long refund = transactions.refund(state, gasUsed);
    CallStatus status = statusOf(frame);
    List<Log> logs = status == CallStatus.SUCCESS ? state.logs() : List.of();
    return new CallResult(status, gasUsed - refund, refund, frame.output(), failureOf(frame, status), logs,
        accessList(message.accessList(), state.accessed(), sender, recipient));
  }

  private static CallResult rejected(String reason) {
    return CallResult.notRun(CallStatus.REJECTED, reason);
  }

  /** geth lowers the base fee to zero for a message without a price, so that BASEFEE <= gas price holds. */
  private static BlockEnvironment withoutBaseFee(BlockEnvironment block) {
    return new BlockEnvironment(block.coinbase(), block.number(), block.timestamp(), block.gasLimit(), Wei.ZERO,
        block.prevRandao(), block.excessBlobGas(), block.chainId(), block.blockHashes(), block.difficulty());
  }

  private static CallStatus statusOf(MessageFrame frame) {
    if (frame.state() == MessageFrame.State.COMPLETED_SUCCESS) {
      return CallStatus.SUCCESS;
    }
    if (frame.haltReason() == null) {
      return CallStatus.REVERTED;
    }
    return frame.haltReason() == DefaultExceptionalHaltReason.INSUFFICIENT_GAS ? CallStatus.OUT_OF_GAS
        : CallStatus.HALTED;
  }

  private static String failureOf(MessageFrame frame, CallStatus status) {
    return switch (status) {
      case SUCCESS -> "";
      case REVERTED -> "execution reverted";
      default -> frame.haltReason().description();
    };
  }

  /**
   * The message's access list extended by what was accessed, as geth's access list tracer builds it: every
   * account whose storage was named or accessed, with those slots, and every other account except the sender,
   * the recipient and the precompiles, which are warm anyway.
   */
  private List<AccessListEntry> accessList(List<AccessListEntry> given, Map<Address, Set<Word>> accessed,
      Address sender, Address recipient) {
    Set<Address> alwaysWarm = new HashSet<>(evm.precompiles().keySet());
    alwaysWarm.add(sender);
    alwaysWarm.add(recipient);
    Map<Address, Set<Hash>> slotsByAccount = new LinkedHashMap<>();
    for (AccessListEntry entry : given) {
      if (!entry.storageKeys().isEmpty() || !alwaysWarm.contains(entry.address())) {
        slotsByAccount.computeIfAbsent(entry.address(), a -> new LinkedHashSet<>()).addAll(entry.storageKeys());
      }
    }
    accessed.forEach((address, slots) -> {
      if (!slots.isEmpty() || !alwaysWarm.contains(address)) {
        Set<Hash> keys = slotsByAccount.computeIfAbsent(address, a -> new LinkedHashSet<>());
        for (Word slot : slots) {
          keys.add(Hash.wrap(slot.toBytes32()));
        }
      }
    });
    List<AccessListEntry> entries = new ArrayList<>(slotsByAccount.size());
    slotsByAccount.forEach((address, keys) -> entries.add(new AccessListEntry(address, List.copyOf(keys))));
    return entries;
  }
}
