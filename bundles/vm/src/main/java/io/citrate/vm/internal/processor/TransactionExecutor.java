package io.citrate.vm.internal.processor;

import io.citrate.core.api.Address;
import io.citrate.core.api.Hash;
import io.citrate.core.api.Wei;
import io.citrate.core.api.tx.AccessListEntry;
import io.citrate.core.api.tx.Transaction;
import io.citrate.vm.api.BlockEnvironment;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.Log;
import io.citrate.vm.api.TransactionOutcome;
import io.citrate.vm.api.TransactionReceipt;
import io.citrate.vm.api.TransactionRejectionReason;
import io.citrate.vm.internal.evm.Code;
import io.citrate.vm.internal.evm.ContractAddresses;
import io.citrate.vm.internal.evm.Evm;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.TransactionContext;
import io.citrate.vm.internal.evm.ForkRules;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.state.JournaledState;
import io.citrate.vm.internal.state.Word;
import io.citrate.vm.internal.state.WorldState;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Applies one signed transaction to a world state under the rules of its EVM's fork ({@link ForkRules}, gas from
 * the fork's calculator): checks it against the state and block (type active in the fork, chain, nonce, EIP-3607
 * sender, gas left in the block, EIP-1559 and EIP-4844 fee caps, funds), buys its gas, warms the EIP-2929/2930
 * access set (and the coinbase from Shanghai on, EIP-3651), runs it, refunds unused gas plus the refund counter
 * capped at the fork's share of the used gas, pays the coinbase what exceeds the base fee and burns the base and
 * blob fees. Before London there is no base fee: the coinbase receives the whole gas price.
 */
public final class TransactionExecutor {
  private static final long MAX_NONCE = -1L;

  private final Evm evm;
  private final ForkRules rules;
  private final BerlinGasCalculator gasCalculator;

  public TransactionExecutor(Evm evm) {
    this.evm = evm;
    this.rules = evm.rules();
    this.gasCalculator = evm.gasCalculator();
  }

  /**
   * Executes {@code transaction} on {@code world}, writing its effects there unless it is rejected.
   *
   * @param blockGasUsed gas used by the block's earlier transactions
   */
  public TransactionOutcome execute(WorldState world, BlockEnvironment block, Transaction transaction,
      long blockGasUsed) {
    return execute(world, block, transaction, blockGasUsed, null);
  }

  /**
   * As {@link #execute(WorldState, BlockEnvironment, Transaction, long)}, reporting the transaction's frames and
   * operations to {@code tracer}; null runs it untraced.
   */
  public TransactionOutcome execute(WorldState world, BlockEnvironment block, Transaction transaction,
      long blockGasUsed, ExecutionTracer tracer) {
    JournaledState state = new JournaledState(world);
    Optional<TransactionOutcome.Rejected> rejection = validate(state, block, transaction, blockGasUsed);
    if (rejection.isPresent()) {
      return rejection.get();
    }
    Address sender = transaction.sender();
    Wei baseFee = rules.baseFee(block);
    Wei gasPrice = transaction.effectiveGasPrice(baseFee);
    long gasLimit = transaction.gasLimit();
    Wei blobBaseFee = block.blobBaseFee();
    state.subtractBalance(sender, gasPrice.multiply(gasLimit).add(blobBaseFee.multiply(transaction.blobGas())));
    long nonce = transaction.nonce();
    state.setNonce(sender, nonce + 1);

    TransactionContext context =
        new TransactionContext(sender, gasPrice, transaction.blobVersionedHashes(), block, state, tracer);
    Address recipient = transaction.to().orElseGet(() -> ContractAddresses.create(sender, nonce));
    warmAccessSet(state, sender, recipient, block, transaction.accessList());
    long gas = gasLimit - gasCalculator.transactionIntrinsicGas(transaction);
    MessageFrame frame = initialFrame(context, transaction.isContractCreation(), sender, recipient,
        transaction.value(), transaction.data(), gas);
    boolean success;
    long gasLeft;
    if (frame == null) {
      success = false;
      gasLeft = 0;
    } else {
      evm.execute(frame);
      success = frame.state() == MessageFrame.State.COMPLETED_SUCCESS;
      gasLeft = frame.gasRemaining();
    }

    long gasUsed = gasLimit - gasLeft;
    long refund = refund(state, gasUsed);
    gasUsed -= refund;
    gasLeft += refund;
    state.addBalance(sender, gasPrice.multiply(gasLeft));
    Wei priorityFee = gasPrice.subtract(baseFee);
    state.addBalance(block.coinbase(), priorityFee.multiply(gasUsed));
    List<Log> logs = success ? state.logs() : List.of();
    state.commitTo(world);
    return new TransactionOutcome.Executed(
        new TransactionReceipt(transaction.type(), success, gasUsed, blockGasUsed + gasUsed, logs, LogsBloom.of(logs)));
  }

  /**
   * A call the protocol itself makes at the start of a block, as EIP-4788's beacon root update is: no signature,
   * nonce, fee or refund, {@code gas} to spend, effects written to {@code world} unless it fails. Nothing happens
   * when {@code to} has no code.
   *
   * @return whether the call succeeded
   */
  public boolean systemCall(WorldState world, BlockEnvironment block, Address from, Address to, byte[] input,
      long gas) {
    JournaledState state = new JournaledState(world);
    if (state.code(to).size() == 0) {
      return true;
    }
    TransactionContext context = new TransactionContext(from, Wei.ZERO, List.of(), block, state);
    state.warmUp(to);
    MessageFrame frame = MessageFrame.builder(MessageFrame.Type.MESSAGE_CALL, context)
        .recipient(to)
        .sender(from)
        .codeAddress(to)
        .value(Wei.ZERO, true)
        .input(input)
        .code(state.code(to))
        .gas(gas)
        .build();
    evm.execute(frame);
    state.commitTo(world);
    return frame.state() == MessageFrame.State.COMPLETED_SUCCESS;
  }

  private Optional<TransactionOutcome.Rejected> validate(JournaledState state, BlockEnvironment block,
      Transaction transaction, long blockGasUsed) {
    if (!rules.transactionTypes().contains(transaction.type())) {
      return reject(TransactionRejectionReason.TRANSACTION_TYPE_NOT_SUPPORTED, transaction.type() + " before its fork");
    }
    Optional<BigInteger> chainId = transaction.chainId();
    if (chainId.isPresent() && !chainId.get().equals(BigInteger.valueOf(block.chainId()))) {
      return reject(TransactionRejectionReason.WRONG_CHAIN_ID, "chain id " + chainId.get());
    }
    if (Long.compareUnsigned(transaction.gasLimit(), block.gasLimit() - blockGasUsed) > 0) {
      return reject(TransactionRejectionReason.GAS_LIMIT_ABOVE_BLOCK_GAS_LEFT,
          "gas limit " + Long.toUnsignedString(transaction.gasLimit()));
    }
    Wei baseFee = rules.baseFee(block);
    if (transaction.gasFeeCap().lessThan(baseFee)) {
      return reject(TransactionRejectionReason.FEE_CAP_BELOW_BASE_FEE, transaction.gasFeeCap() + " < " + baseFee);
    }
    Optional<Wei> blobFeeCap = transaction.maxFeePerBlobGas();
    if (blobFeeCap.isPresent() && blobFeeCap.get().lessThan(block.blobBaseFee())) {
      return reject(TransactionRejectionReason.BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE,
          blobFeeCap.get() + " < " + block.blobBaseFee());
    }
    Address sender = transaction.sender();
    if (!state.codeHash(sender).equals(Hash.EMPTY)) {
      return reject(TransactionRejectionReason.SENDER_NOT_EOA, sender.toString());
    }
    long accountNonce = state.nonce(sender);
    if (Long.compareUnsigned(transaction.nonce(), accountNonce) < 0) {
      return reject(TransactionRejectionReason.NONCE_TOO_LOW, transaction.nonce() + " < " + accountNonce);
    }
    if (Long.compareUnsigned(transaction.nonce(), accountNonce) > 0) {
      return reject(TransactionRejectionReason.NONCE_TOO_HIGH, transaction.nonce() + " > " + accountNonce);
    }
    if (accountNonce == MAX_NONCE) {
      return reject(TransactionRejectionReason.NONCE_OVERFLOW, sender.toString());
    }
    BigInteger cost = transaction.gasFeeCap().toBigInteger()
        .multiply(new BigInteger(Long.toUnsignedString(transaction.gasLimit())))
        .add(transaction.value().toBigInteger());
    if (blobFeeCap.isPresent()) {
      cost = cost.add(blobFeeCap.get().toBigInteger().multiply(BigInteger.valueOf(transaction.blobGas())));
    }
    if (state.balance(sender).toBigInteger().compareTo(cost) < 0) {
      return reject(TransactionRejectionReason.INSUFFICIENT_FUNDS, "needs " + cost);
    }
    return Optional.empty();
  }

  private static Optional<TransactionOutcome.Rejected> reject(TransactionRejectionReason reason, String detail) {
    return Optional.of(new TransactionOutcome.Rejected(reason, detail));
  }

  /** The refund a sender gets back from {@code gasUsed}: the refund counter, capped at the fork's share. */
  long refund(JournaledState state, long gasUsed) {
    return Math.min(state.refund(), gasUsed / gasCalculator.maxRefundQuotient());
  }

  /**
   * Warms what is accessed before the first opcode: sender, recipient, precompiles, the coinbase where the fork
   * says so, and the access list.
   */
  void warmAccessSet(JournaledState state, Address sender, Address recipient, BlockEnvironment block,
      List<AccessListEntry> accessList) {
    state.warmUp(sender);
    state.warmUp(recipient);
    for (Address precompile : evm.precompiles().keySet()) {
      state.warmUp(precompile);
    }
    if (rules.warmCoinbase()) {
      state.warmUp(block.coinbase());
    }
    for (AccessListEntry entry : accessList) {
      state.warmUp(entry.address());
      for (Hash key : entry.storageKeys()) {
        state.warmUp(entry.address(), Word.fromBytes(key.unsafeBytes()));
      }
    }
  }

  /** The top frame, or null when a creation collides with an existing account and so fails. */
  MessageFrame initialFrame(TransactionContext context, boolean creation, Address sender, Address recipient,
      Wei value, byte[] data, long gas) {
    JournaledState state = context.state();
    if (creation) {
      if (state.nonce(recipient) != 0 || !state.codeHash(recipient).equals(Hash.EMPTY) || state.hasStorage(recipient)) {
        return null;
      }
      return MessageFrame.builder(MessageFrame.Type.CONTRACT_CREATION, context)
          .recipient(recipient)
          .sender(sender)
          .codeAddress(recipient)
          .value(value, true)
          .code(Code.of(data))
          .gas(gas)
          .build();
    }
    return MessageFrame.builder(MessageFrame.Type.MESSAGE_CALL, context)
        .recipient(recipient)
        .sender(sender)
        .codeAddress(recipient)
        .value(value, true)
        .input(data)
        .code(state.code(recipient))
        .gas(gas)
        .build();
  }
}
