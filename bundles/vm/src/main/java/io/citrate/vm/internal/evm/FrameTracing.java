package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.CallType;
import io.citrate.vm.api.ExecutionStep;
import io.citrate.vm.api.ExecutionTracer;
import io.citrate.vm.api.FrameEnd;
import io.citrate.vm.api.FrameStart;
import io.citrate.vm.internal.gas.BerlinGasCalculator;
import io.citrate.vm.internal.operation.AbstractCallOperation;
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
 * operations. A call or creation that fails before its frame starts (too deep, too little balance, the creator's
 * nonce exhausted) is reported as a frame that failed at once, as geth reports it.
 */
final class FrameTracing {
  private static final int CREATE = 0xf0;
  private static final int CALL = 0xf1;
  private static final int CALLCODE = 0xf2;
  private static final int DELEGATECALL = 0xf4;
  private static final int STATICCALL = 0xfa;
  private static final int CREATE2 = 0xf5;
  private static final int LOG4 = LogOperation.LOG0 + 4;
  private static final long MAX_NONCE = -1L;

  private final ExecutionTracer tracer;
  private final BerlinGasCalculator gasCalculator;
  private final Step step = new Step();
  /** Per running frame, innermost first: the gas it started with and, once it halted in an operation, why. */
  private final Deque<TracedFrame> frames = new ArrayDeque<>();
  /** How the child about to start was entered: set when a call or creation operation suspends its frame. */
  private CallType nextChildType;
  /** The call or creation operation running now, until it has run. */
  private Attempt attempt;

  FrameTracing(ExecutionTracer tracer, BerlinGasCalculator gasCalculator) {
    this.tracer = tracer;
    this.gasCalculator = gasCalculator;
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
    CallType type = callType(opcode);
    attempt = type != null && frame.stack().size() >= operation.stackItemsConsumed()
        ? Attempt.of(type, frame) : null;
  }

  /** Reports the operation's cost and halt, then the log it emitted or the kind of child it is about to start. */
  void afterOperation(MessageFrame frame, int opcode, long gasCost, String haltMessage) {
    Attempt running = attempt;
    attempt = null;
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
    } else if (running != null) {
      reportFailedStart(frame, running);
    }
  }

  /**
   * A call or creation that ran without starting its frame failed softly: reported as geth reports it, a frame
   * that ends at once with the gas it would have had and uses none. A creation on a taken address also starts no
   * frame but spends its gas; geth's frame for it would need the gas the operation handed over, which it does not
   * show, so it is not reported.
   */
  private void reportFailedStart(MessageFrame frame, Attempt failed) {
    String error;
    if (frame.depth() >= AbstractCallOperation.MAX_CALL_DEPTH) {
      error = "max call depth exceeded";
    } else if (failed.movesValue() && frame.worldState().balance(frame.recipient()).lessThan(failed.value())) {
      error = "insufficient balance for transfer";
    } else if (failed.type().isCreation() && failed.creatorNonce() == MAX_NONCE) {
      error = "nonce uint64 overflow";
    } else {
      return;
    }
    long gas;
    if (failed.type().isCreation()) {
      gas = gasCalculator.gasForChild(frame.gasRemaining(), Long.MAX_VALUE);
    } else {
      // The operation handed back the child's gas and the stipend a value transfer adds to it.
      long stipend = failed.movesValue() && !failed.value().isZero() ? BerlinGasCalculator.CALL_STIPEND : 0;
      gas = gasCalculator.gasForChild(frame.gasRemaining() - stipend, failed.requestedGas()) + stipend;
    }
    byte[] input = frame.memory().read(failed.inputOffset(), failed.inputLength());
    Address to = switch (failed.type()) {
      case CREATE -> ContractAddresses.create(frame.recipient(), failed.creatorNonce());
      case CREATE2 -> ContractAddresses.create2(frame.recipient(), failed.salt(), input);
      default -> failed.to();
    };
    int depth = frame.depth() + 1;
    tracer.enterFrame(new FrameStart(failed.type(), depth, frame.recipient(), to, failed.value(), gas, input));
    tracer.exitFrame(new FrameEnd(depth, Bytes.EMPTY, 0, Optional.of(error), false));
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

  /** The kind of frame {@code opcode} makes; null for every other operation. */
  private static CallType callType(int opcode) {
    return switch (opcode) {
      case CREATE -> CallType.CREATE;
      case CALL -> CallType.CALL;
      case CALLCODE -> CallType.CALLCODE;
      case DELEGATECALL -> CallType.DELEGATECALL;
      case STATICCALL -> CallType.STATICCALL;
      case CREATE2 -> CallType.CREATE2;
      default -> null;
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

  /**
   * A call or creation operation's operands, read before it runs: what its frame would have started with.
   *
   * @param to the callee; null for a creation
   * @param movesValue whether the value leaves the caller's balance, which must then cover it
   * @param requestedGas the gas a call asks for
   * @param creatorNonce the creator's nonce before a creation, which names the new contract
   * @param salt CREATE2's salt
   */
  private record Attempt(CallType type, Address to, Wei value, boolean movesValue, long requestedGas,
      long inputOffset, long inputLength, long creatorNonce, byte[] salt) {

    static Attempt of(CallType type, MessageFrame frame) {
      OperandStack stack = frame.stack();
      return switch (type) {
        case CALL, CALLCODE -> new Attempt(type, stack.address(1), stack.wei(2), true, stack.clampedLong(0),
            stack.clampedLong(3), stack.clampedLong(4), 0, null);
        case DELEGATECALL -> new Attempt(type, stack.address(1), frame.value(), false, stack.clampedLong(0),
            stack.clampedLong(2), stack.clampedLong(3), 0, null);
        case STATICCALL -> new Attempt(type, stack.address(1), Wei.ZERO, false, stack.clampedLong(0),
            stack.clampedLong(2), stack.clampedLong(3), 0, null);
        case CREATE, CREATE2 -> new Attempt(type, null, stack.wei(0), true, 0, stack.clampedLong(1),
            stack.clampedLong(2), frame.worldState().nonce(frame.recipient()),
            type == CallType.CREATE2 ? stack.word(3).toBytes32() : null);
      };
    }
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
