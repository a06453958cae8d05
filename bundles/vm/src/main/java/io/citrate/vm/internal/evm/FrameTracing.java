package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.vm.api.CallType;
import io.citrate.vm.api.ExecutionStep;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.FrameEnd;
import io.citrate.vm.api.FrameStart;
import io.citrate.vm.api.Log;
import io.citrate.vm.internal.operation.InvalidOperation;
import io.citrate.vm.internal.operation.LogOperation;
import io.citrate.vm.internal.operation.Operation;
import io.citrate.vm.internal.state.Word;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * Reports one traced transaction's frames and operations to its {@link ExecutionTracer}, for {@link Evm}: it
 * remembers what the tracer's events need and the frames do not keep (the gas each frame started with, the opcode
 * that made the next child, the wording of a halt), and serves the tracer a view of the interpreter between
 * operations.
 */
final class FrameTracing {
  private static final int CALL = 0xf1;
  private static final int CALLCODE = 0xf2;
  private static final int DELEGATECALL = 0xf4;
  private static final int STATICCALL = 0xfa;
  private static final int CREATE2 = 0xf5;
  private static final int LOG4 = LogOperation.LOG0 + 4;

  private final ExecutionTracer tracer;
  private final Step step = new Step();
  /** Per running frame, innermost first: the gas it started with and, once it halted in an operation, why. */
  private final Deque<TracedFrame> frames = new ArrayDeque<>();
  /** How the child about to start was entered: set when a call or creation operation suspends its frame. */
  private CallType nextChildType;

  FrameTracing(ExecutionTracer tracer) {
    this.tracer = tracer;
  }

  void enter(MessageFrame frame) {
    CallType type;
    Address from;
    if (frame.parent() == null) {
      type = frame.type() == MessageFrame.Type.CONTRACT_CREATION ? CallType.CREATE : CallType.CALL;
      from = frame.sender();
    } else {
      type = nextChildType;
      from = frame.parent().recipient();
    }
    frames.push(new TracedFrame(frame.gasRemaining()));
    byte[] input = type.isCreation() ? frame.code().bytes() : frame.input();
    tracer.enterFrame(new FrameStart(type, frame.depth(), from, frame.codeAddress(), frame.value(),
        frame.gasRemaining(), input));
  }

  void beforeOperation(MessageFrame frame, int opcode, Operation operation) {
    step.frame = frame;
    step.opcode = opcode;
    step.operation = operation;
    tracer.beforeOperation(step);
    step.frame = null;
  }

  /** Reports the operation's cost and halt, then the log it emitted or the kind of child it is about to start. */
  void afterOperation(MessageFrame frame, int opcode, long gasCost, String haltMessage) {
    if (haltMessage != null) {
      frames.peek().haltMessage = haltMessage;
      tracer.afterOperation(gasCost, Optional.of(haltMessage));
      return;
    }
    tracer.afterOperation(gasCost, Optional.empty());
    if (opcode >= LogOperation.LOG0 && opcode <= LOG4) {
      tracer.log(frame.worldState().lastLog());
    } else if (frame.state() == MessageFrame.State.CODE_SUSPENDED) {
      nextChildType = callType(opcode);
    }
  }

  void exit(MessageFrame frame) {
    TracedFrame traced = frames.pop();
    boolean reverted = frame.state() == MessageFrame.State.COMPLETED_FAILED && frame.haltReason() == null;
    Optional<String> error;
    if (frame.state() == MessageFrame.State.COMPLETED_SUCCESS) {
      error = Optional.empty();
    } else if (reverted) {
      error = Optional.of("execution reverted");
    } else {
      error = Optional.of(traced.haltMessage != null ? traced.haltMessage : message(frame.haltReason(), null));
    }
    tracer.exitFrame(new FrameEnd(frame.depth(), frame.output(), traced.initialGas - frame.gasRemaining(), error,
        reverted));
  }

  private static CallType callType(int opcode) {
    return switch (opcode) {
      case CALL -> CallType.CALL;
      case CALLCODE -> CallType.CALLCODE;
      case DELEGATECALL -> CallType.DELEGATECALL;
      case STATICCALL -> CallType.STATICCALL;
      case CREATE2 -> CallType.CREATE2;
      default -> CallType.CREATE;
    };
  }

  /** The mnemonic as geth prints it, which names undefined opcodes by number. */
  static String operationName(Operation operation) {
    if (operation instanceof InvalidOperation && operation.opcode() != InvalidOperation.INVALID) {
      return String.format("opcode %#x not defined", operation.opcode());
    }
    return operation.name();
  }

  /** The halt of {@code operation}, run on a stack of {@code stackSize} items, worded as geth words it. */
  static String haltMessage(ExceptionalHaltReason reason, Operation operation, int stackSize) {
    if (reason == DefaultExceptionalHaltReason.INSUFFICIENT_STACK_ITEMS) {
      return "stack underflow (" + stackSize + " <=> " + operation.stackItemsConsumed() + ")";
    }
    if (reason == DefaultExceptionalHaltReason.TOO_MANY_STACK_ITEMS) {
      return "stack limit reached " + stackSize + " ("
          + (OperandStack.MAX_SIZE - operation.stackItemsProduced() + operation.stackItemsConsumed()) + ")";
    }
    return message(reason, operation);
  }

  /** A halt worded as geth's errors are, which tools match on; {@code operation} names an invalid opcode. */
  static String message(ExceptionalHaltReason reason, Operation operation) {
    if (!(reason instanceof DefaultExceptionalHaltReason known)) {
      return reason.description();
    }
    return switch (known) {
      case INSUFFICIENT_GAS -> "out of gas";
      case INSUFFICIENT_STACK_ITEMS -> "stack underflow";
      case TOO_MANY_STACK_ITEMS -> "stack limit reached " + OperandStack.MAX_SIZE;
      case INVALID_OPERATION -> operation == null ? "invalid opcode" : "invalid opcode: " + operationName(operation);
      case INVALID_JUMP_DESTINATION -> "invalid jump destination";
      case ILLEGAL_STATE_CHANGE -> "write protection";
      case INVALID_RETURN_DATA_BUFFER_ACCESS -> "return data out of bounds";
      case CODE_TOO_LARGE -> "max code size exceeded";
      case INVALID_CODE -> "invalid code: must not begin with 0xef";
      case INITCODE_TOO_LARGE -> "max initcode size exceeded";
      case CONTRACT_ADDRESS_COLLISION -> "contract address collision";
      case PRECOMPILE_ERROR -> "precompiled contract failed";
    };
  }

  private static final class TracedFrame {
    private final long initialGas;
    private String haltMessage;

    private TracedFrame(long initialGas) {
      this.initialGas = initialGas;
    }
  }

  /** The view of the interpreter a tracer gets before each operation, reused from one operation to the next. */
  private static final class Step implements ExecutionStep {
    private MessageFrame frame;
    private int opcode;
    private Operation operation;

    @Override
    public int pc() {
      return frame.pc;
    }

    @Override
    public int opcode() {
      return opcode;
    }

    @Override
    public String operationName() {
      return FrameTracing.operationName(operation);
    }

    @Override
    public long gasRemaining() {
      return frame.gasRemaining();
    }

    @Override
    public int depth() {
      return frame.depth();
    }

    @Override
    public Address contract() {
      return frame.recipient();
    }

    @Override
    public int stackSize() {
      return frame.stack().size();
    }

    @Override
    public byte[] stackItem(int depth) {
      OperandStack stack = frame.stack();
      if (depth < 0 || depth >= stack.size()) {
        throw new IndexOutOfBoundsException("stack item " + depth + " of " + stack.size());
      }
      byte[] item = new byte[Word.SIZE];
      Words.toBytes(stack.limbs(), stack.index(depth), item, 0);
      return item;
    }

    @Override
    public byte[] memory() {
      Memory memory = frame.memory();
      return Arrays.copyOf(memory.raw(), (int) memory.activeBytes());
    }

    @Override
    public byte[] returnData() {
      return frame.returnData().clone();
    }

    @Override
    public long refund() {
      return frame.worldState().refund();
    }

    @Override
    public byte[] storage(byte[] key) {
      if (key.length != Word.SIZE) {
        throw new IllegalArgumentException("a storage key is " + Word.SIZE + " bytes, not " + key.length);
      }
      return frame.worldState().storage(frame.recipient(), Word.fromBytes(key)).toBytes32();
    }
  }
}
