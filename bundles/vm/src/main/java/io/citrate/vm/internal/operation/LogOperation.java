package io.citrate.vm.internal.operation;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.ILLEGAL_STATE_CHANGE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;

import io.citrate.core.api.Hash;
import io.citrate.vm.api.Log;
import io.citrate.vm.internal.evm.ExceptionalHaltReason;
import io.citrate.vm.internal.evm.Memory;
import io.citrate.vm.internal.evm.MessageFrame;
import io.citrate.vm.internal.evm.OperandStack;
import io.citrate.vm.internal.evm.Words;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import java.util.List;

/** LOG0-LOG4 (0xa0-0xa4): emits a log of a memory range with n topics; not inside a static call. */
public final class LogOperation extends Operation {
  public static final int LOG0 = 0xa0;

  private final int topics;

  public LogOperation(int topics, BerlinGasCalculator gasCalculator) {
    super(LOG0 + topics, "LOG" + topics, topics + 2, 0, gasCalculator);
    this.topics = topics;
  }

  @Override
  public ExceptionalHaltReason execute(MessageFrame frame) {
    if (frame.isStatic()) {
      return ILLEGAL_STATE_CHANGE;
    }
    OperandStack stack = frame.stack();
    long offset = stack.clampedLong(0);
    long length = stack.clampedLong(1);
    Memory memory = frame.memory();
    long expansion = gasCalculator.memoryExpansionCost(memory, offset, length);
    if (!frame.useGas(gasCalculator.logCost(topics, length, expansion))) {
      return INSUFFICIENT_GAS;
    }
    byte[] data = memory.read(offset, length);
    Hash[] topicHashes = new Hash[topics];
    for (int i = 0; i < topics; i++) {
      byte[] topic = new byte[Hash.SIZE];
      Words.toBytes(stack.limbs(), stack.index(2 + i), topic, 0);
      topicHashes[i] = Hash.wrap(topic);
    }
    frame.worldState().addLog(new Log(frame.recipient(), List.of(topicHashes), data));
    stack.pop(topics + 2);
    return null;
  }
}
