package io.citrate.vm.internal.evm;

import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.CODE_TOO_LARGE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_GAS;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INSUFFICIENT_STACK_ITEMS;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.INVALID_CODE;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.PRECOMPILE_ERROR;
import static io.citrate.vm.internal.evm.DefaultExceptionalHaltReason.TOO_MANY_STACK_ITEMS;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.vm.api.Precompile;
import io.citrate.vm.api.PrecompileContext;
import io.citrate.vm.api.PrecompileResult;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.operation.Operation;
import io.citrate.vm.internal.state.JournaledState;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs message frames: the interpreter loop over one fork's operation table, and the frame life cycle around it
 * (see {@link MessageFrame}) — starting calls and creations, running precompiles, depositing created code, undoing
 * failed frames and handing each result back to the frame that waits for it.
 */
public final class Evm {
  private static final int STOP = 0x00;
  private static final byte EOF_MAGIC = (byte) 0xef;

  private final ForkRules rules;
  private final Operation[] operations;
  /** Per opcode, the fewest stack items it needs and the most it allows, looked up without calling the operation. */
  private final int[] minimumStackSize = new int[256];
  private final int[] maximumStackSize = new int[256];
  private final BerlinGasCalculator gasCalculator;
  private final Map<Address, Precompile> precompiles;

  public Evm(ForkRules rules, Operation[] operations, BerlinGasCalculator gasCalculator,
      Map<Address, Precompile> precompiles) {
    this.rules = rules;
    this.operations = operations.clone();
    for (int opcode = 0; opcode < 256; opcode++) {
      Operation operation = operations[opcode];
      minimumStackSize[opcode] = operation.stackItemsConsumed();
      maximumStackSize[opcode] =
          OperandStack.MAX_SIZE - operation.stackItemsProduced() + operation.stackItemsConsumed();
    }
    this.gasCalculator = gasCalculator;
    // Kept in the given order: the transaction warms them by iterating, and consensus code iterates in a fixed order.
    this.precompiles = Collections.unmodifiableMap(new LinkedHashMap<>(precompiles));
  }

  public EvmSpecVersion version() {
    return rules.version();
  }

  /** The fork's rules outside the operation table: transaction types, fee market, warm coinbase, code prefix. */
  public ForkRules rules() {
    return rules;
  }

  public BerlinGasCalculator gasCalculator() {
    return gasCalculator;
  }

  public Map<Address, Precompile> precompiles() {
    return precompiles;
  }

  /** Runs {@code initial} and every frame it spawns until it completes. */
  public void execute(MessageFrame initial) {
    Deque<MessageFrame> stack = initial.transaction().messageStack();
    // Decided once per transaction: untraced frames run the plain loop, which holds no tracing check.
    FrameTracing tracing = initial.transaction().tracer() == null ? null
        : new FrameTracing(initial.transaction().tracer(), gasCalculator);
    stack.push(initial);
    while (!stack.isEmpty()) {
      MessageFrame frame = stack.peek();
      switch (frame.state()) {
        case NOT_STARTED -> {
          if (tracing != null) {
            tracing.enter(frame);
          }
          start(frame);
        }
        case CODE_EXECUTING -> {
          if (tracing == null) {
            interpret(frame);
          } else {
            interpretTraced(frame, tracing);
          }
        }
        case CODE_SUCCESS -> succeed(frame);
        case REVERT -> fail(frame, false);
        case EXCEPTIONAL_HALT -> fail(frame, true);
        case COMPLETED_SUCCESS, COMPLETED_FAILED -> {
          stack.pop();
          if (tracing != null) {
            tracing.exit(frame);
          }
          if (frame.parent() != null) {
            resume(frame.parent(), frame);
          }
        }
        case CODE_SUSPENDED -> throw new IllegalStateException("a suspended frame is on top: " + frame);
      }
    }
  }

  private void start(MessageFrame frame) {
    JournaledState state = frame.worldState();
    frame.setCheckpoint(state.checkpoint());
    if (frame.type() == MessageFrame.Type.CONTRACT_CREATION) {
      Address address = frame.recipient();
      state.markCreated(address);
      state.setNonce(address, 1);
      state.transfer(frame.sender(), address, frame.value());
      frame.setState(frame.code().size() == 0 ? MessageFrame.State.CODE_SUCCESS : MessageFrame.State.CODE_EXECUTING);
      return;
    }
    Precompile precompile = precompiles.get(frame.codeAddress());
    if (frame.transfersValue()) {
      // As the reference does, a value-less call to a missing account creates and touches nothing.
      if (!state.exists(frame.recipient()) && precompile == null && frame.value().isZero()) {
        frame.setState(MessageFrame.State.COMPLETED_SUCCESS);
        return;
      }
      state.transfer(frame.sender(), frame.recipient(), frame.value());
    } else if (frame.touchesRecipient()) {
      state.touch(frame.recipient());
    }
    if (precompile != null) {
      runPrecompile(frame, precompile);
    } else {
      frame.setState(frame.code().size() == 0 ? MessageFrame.State.CODE_SUCCESS : MessageFrame.State.CODE_EXECUTING);
    }
  }

  /** Precompiles are untrusted code: anything they throw becomes a deterministic halt. */
  private void runPrecompile(MessageFrame frame, Precompile precompile) {
    byte[] input = frame.input();
    PrecompileResult result;
    try {
      long required = precompile.gasRequirement(input);
      if (!frame.useGas(required)) {
        frame.halt(INSUFFICIENT_GAS);
        return;
      }
      result = precompile.execute(input, new PrecompileContext(frame.sender(), frame.value(),
          frame.transaction().block().number(), frame.isStatic()));
    } catch (Throwable e) {
      frame.halt(PRECOMPILE_ERROR);
      return;
    }
    switch (result.status()) {
      case SUCCESS -> {
        frame.setOutput(result.output());
        frame.setState(MessageFrame.State.CODE_SUCCESS);
      }
      case REVERT -> {
        frame.setOutput(result.output());
        frame.setState(MessageFrame.State.REVERT);
      }
      case HALT -> frame.halt(PRECOMPILE_ERROR);
    }
  }

  private void interpret(MessageFrame frame) {
    byte[] code = frame.code().bytes();
    OperandStack stack = frame.stack();
    Operation[] table = operations;
    int[] minimum = minimumStackSize;
    int[] maximum = maximumStackSize;
    while (frame.state() == MessageFrame.State.CODE_EXECUTING) {
      int pc = frame.pc;
      int opcode = pc < code.length ? code[pc] & 0xff : STOP;
      int size = stack.size();
      ExceptionalHaltReason halt;
      if (size < minimum[opcode]) {
        halt = INSUFFICIENT_STACK_ITEMS;
      } else if (size > maximum[opcode]) {
        halt = TOO_MANY_STACK_ITEMS;
      } else {
        if (!stack.hasRoomForOne()) {
          stack.grow();
        }
        frame.nextPc = pc + 1;
        halt = table[opcode].execute(frame);
      }
      if (halt != null) {
        frame.halt(halt);
        return;
      }
      frame.pc = frame.nextPc;
    }
  }

  /**
   * {@link #interpret}, reporting each operation to {@code tracing} before and after it runs; the same checks in the
   * same order, so a traced run computes exactly what an untraced one does.
   */
  private void interpretTraced(MessageFrame frame, FrameTracing tracing) {
    byte[] code = frame.code().bytes();
    OperandStack stack = frame.stack();
    while (frame.state() == MessageFrame.State.CODE_EXECUTING) {
      int pc = frame.pc;
      int opcode = pc < code.length ? code[pc] & 0xff : STOP;
      Operation operation = operations[opcode];
      long gasBefore = frame.gasRemaining();
      tracing.beforeOperation(frame, opcode, operation);
      int size = stack.size();
      ExceptionalHaltReason halt;
      if (size < minimumStackSize[opcode]) {
        halt = INSUFFICIENT_STACK_ITEMS;
      } else if (size > maximumStackSize[opcode]) {
        halt = TOO_MANY_STACK_ITEMS;
      } else {
        if (!stack.hasRoomForOne()) {
          stack.grow();
        }
        frame.nextPc = pc + 1;
        halt = operation.execute(frame);
      }
      tracing.afterOperation(frame, opcode, gasBefore - frame.gasRemaining(),
          halt == null ? null : FrameTracing.haltMessage(halt, operation, size));
      if (halt != null) {
        frame.halt(halt);
        return;
      }
      frame.pc = frame.nextPc;
    }
  }

  private void succeed(MessageFrame frame) {
    if (frame.type() == MessageFrame.Type.CONTRACT_CREATION) {
      byte[] code = frame.output();
      if (code.length > BerlinGasCalculator.MAX_CODE_SIZE) {
        frame.halt(CODE_TOO_LARGE);
        return;
      }
      if (code.length > 0 && code[0] == EOF_MAGIC && rules.rejectsEofPrefix()) {
        frame.halt(INVALID_CODE);
        return;
      }
      if (!frame.useGas(gasCalculator.codeDepositCost(code.length))) {
        frame.halt(INSUFFICIENT_GAS);
        return;
      }
      frame.worldState().setCode(frame.recipient(), code);
    }
    frame.setState(MessageFrame.State.COMPLETED_SUCCESS);
  }

  private void fail(MessageFrame frame, boolean halted) {
    frame.worldState().revertTo(frame.checkpoint());
    if (halted) {
      frame.clearGas();
      frame.setOutput(Bytes.EMPTY);
    }
    frame.setState(MessageFrame.State.COMPLETED_FAILED);
  }

  /** Hands a finished child's result to the frame that made it and lets that frame run on. */
  private void resume(MessageFrame parent, MessageFrame child) {
    boolean success = child.state() == MessageFrame.State.COMPLETED_SUCCESS;
    parent.addGas(child.gasRemaining());
    OperandStack stack = parent.stack();
    if (child.type() == MessageFrame.Type.CONTRACT_CREATION) {
      parent.setReturnData(success ? Bytes.EMPTY : child.output());
      if (success) {
        stack.pushAddress(child.recipient());
      } else {
        stack.pushZero();
      }
    } else {
      byte[] output = child.output();
      parent.setReturnData(output);
      long length = Math.min(child.outputLength(), output.length);
      if (length > 0) {
        parent.memory().write(child.outputOffset(), output, 0, length);
      }
      stack.pushLong(success ? 1 : 0);
    }
    parent.setState(MessageFrame.State.CODE_EXECUTING);
  }
}
