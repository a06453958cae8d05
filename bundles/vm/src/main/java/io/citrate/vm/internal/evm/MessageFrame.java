package io.citrate.vm.internal.evm;

import io.citrate.core.api.Address;
import io.citrate.core.api.Bytes;
import io.citrate.core.api.Wei;
import io.citrate.vm.internal.state.JournaledState;

/**
 * The execution state of one message call or contract creation.
 *
 * <p>Life cycle, driven by {@link Evm}:
 * <pre>
 * NOT_STARTED ──start──► CODE_EXECUTING ◄──child done── CODE_SUSPENDED
 *                              │   └── CALL/CREATE pushes a child ──┘
 *                              ├─ STOP/RETURN/SELFDESTRUCT ─► CODE_SUCCESS ─► COMPLETED_SUCCESS
 *                              ├─ REVERT ─────────────────► REVERT ──────► COMPLETED_FAILED
 *                              └─ halt ───────────────────► EXCEPTIONAL_HALT ► COMPLETED_FAILED
 * </pre>
 * A completed frame is popped and its parent resumes with the result. Reverting and halting frames undo their
 * state changes back to the checkpoint taken at start; a halt also consumes all remaining gas.
 */
public final class MessageFrame {
  public enum Type {
    MESSAGE_CALL,
    CONTRACT_CREATION
  }

  public enum State {
    NOT_STARTED,
    CODE_EXECUTING,
    CODE_SUSPENDED,
    CODE_SUCCESS,
    EXCEPTIONAL_HALT,
    REVERT,
    COMPLETED_SUCCESS,
    COMPLETED_FAILED
  }

  private final Type type;
  private final TransactionContext transaction;
  private final MessageFrame parent;
  private final int depth;
  private final Address recipient;
  private final Address sender;
  private final Address codeAddress;
  private final Wei value;
  private final boolean transfersValue;
  private final boolean touchesRecipient;
  private final byte[] input;
  private final Code code;
  private final boolean isStatic;
  private final OperandStack stack = new OperandStack();
  private final Memory memory = new Memory();

  private State state = State.NOT_STARTED;
  int pc;
  int nextPc;
  private long gasRemaining;
  private byte[] output = Bytes.EMPTY;
  private byte[] returnData = Bytes.EMPTY;
  private ExceptionalHaltReason haltReason;
  private int checkpoint;
  private long outputOffset;
  private long outputLength;

  private MessageFrame(Builder builder) {
    this.type = builder.type;
    this.transaction = builder.transaction;
    this.parent = builder.parent;
    this.depth = builder.parent == null ? 0 : builder.parent.depth + 1;
    this.recipient = builder.recipient;
    this.sender = builder.sender;
    this.codeAddress = builder.codeAddress;
    this.value = builder.value;
    this.transfersValue = builder.transfersValue;
    this.touchesRecipient = builder.touchesRecipient;
    this.input = builder.input;
    this.code = builder.code;
    this.isStatic = builder.isStatic;
    this.gasRemaining = builder.gas;
    this.outputOffset = builder.outputOffset;
    this.outputLength = builder.outputLength;
  }

  public static Builder builder(Type type, TransactionContext transaction) {
    return new Builder(type, transaction);
  }

  public Type type() {
    return type;
  }

  public TransactionContext transaction() {
    return transaction;
  }

  public JournaledState worldState() {
    return transaction.state();
  }

  /** The frame that made this one, or null for the transaction's frame. */
  public MessageFrame parent() {
    return parent;
  }

  /** 0 for the transaction's frame; calls and creations fail once a frame at depth 1024 tries to go deeper. */
  public int depth() {
    return depth;
  }

  /** The account whose storage and balance this frame acts on (ADDRESS). */
  public Address recipient() {
    return recipient;
  }

  /** CALLER. */
  public Address sender() {
    return sender;
  }

  /** The account whose code runs: differs from the recipient under CALLCODE and DELEGATECALL. */
  public Address codeAddress() {
    return codeAddress;
  }

  /** CALLVALUE: the value sent, or inherited under DELEGATECALL. */
  public Wei value() {
    return value;
  }

  /** Whether starting this frame moves {@link #value} from sender to recipient (CALL, CREATE, the transaction). */
  public boolean transfersValue() {
    return transfersValue;
  }

  /** Whether starting this frame touches the recipient without moving value (STATICCALL, as the reference does). */
  public boolean touchesRecipient() {
    return touchesRecipient;
  }

  public byte[] input() {
    return input;
  }

  public Code code() {
    return code;
  }

  public boolean isStatic() {
    return isStatic;
  }

  public OperandStack stack() {
    return stack;
  }

  public Memory memory() {
    return memory;
  }

  public State state() {
    return state;
  }

  public void setState(State state) {
    this.state = state;
  }

  /** The position of the operation running now. */
  public int pc() {
    return pc;
  }

  /** Where execution continues after the running operation; PUSH and jumps set it. */
  public void setNextPc(int nextPc) {
    this.nextPc = nextPc;
  }

  public int nextPc() {
    return nextPc;
  }

  public long gasRemaining() {
    return gasRemaining;
  }

  /** Deducts {@code cost} if the frame has it; otherwise leaves the gas and returns false. */
  public boolean useGas(long cost) {
    if (cost < 0 || cost > gasRemaining) {
      return false;
    }
    gasRemaining -= cost;
    return true;
  }

  public void addGas(long gas) {
    gasRemaining += gas;
  }

  public void clearGas() {
    gasRemaining = 0;
  }

  public byte[] output() {
    return output;
  }

  public void setOutput(byte[] output) {
    this.output = output;
  }

  /** The output of the last call or creation this frame made (RETURNDATASIZE, RETURNDATACOPY). */
  public byte[] returnData() {
    return returnData;
  }

  public void setReturnData(byte[] returnData) {
    this.returnData = returnData;
  }

  public ExceptionalHaltReason haltReason() {
    return haltReason;
  }

  public void halt(ExceptionalHaltReason reason) {
    this.haltReason = reason;
    this.state = State.EXCEPTIONAL_HALT;
  }

  public int checkpoint() {
    return checkpoint;
  }

  public void setCheckpoint(int checkpoint) {
    this.checkpoint = checkpoint;
  }

  /** Where in the parent's memory a call's output goes. */
  public long outputOffset() {
    return outputOffset;
  }

  public long outputLength() {
    return outputLength;
  }

  @Override
  public String toString() {
    return "MessageFrame[" + type + " depth " + depth + " " + recipient + " " + state + "]";
  }

  /** Collects a frame's fixed facts before it exists. */
  public static final class Builder {
    private final Type type;
    private final TransactionContext transaction;
    private MessageFrame parent;
    private Address recipient;
    private Address sender;
    private Address codeAddress;
    private Wei value = Wei.ZERO;
    private boolean transfersValue;
    private boolean touchesRecipient;
    private byte[] input = Bytes.EMPTY;
    private Code code = Code.EMPTY;
    private boolean isStatic;
    private long gas;
    private long outputOffset;
    private long outputLength;

    private Builder(Type type, TransactionContext transaction) {
      this.type = type;
      this.transaction = transaction;
    }

    public Builder parent(MessageFrame parent) {
      this.parent = parent;
      this.isStatic = parent.isStatic;
      return this;
    }

    public Builder recipient(Address recipient) {
      this.recipient = recipient;
      return this;
    }

    public Builder sender(Address sender) {
      this.sender = sender;
      return this;
    }

    public Builder codeAddress(Address codeAddress) {
      this.codeAddress = codeAddress;
      return this;
    }

    public Builder value(Wei value, boolean transfersValue) {
      this.value = value;
      this.transfersValue = transfersValue;
      return this;
    }

    public Builder touchesRecipient(boolean touchesRecipient) {
      this.touchesRecipient = touchesRecipient;
      return this;
    }

    public Builder input(byte[] input) {
      this.input = input;
      return this;
    }

    public Builder code(Code code) {
      this.code = code;
      return this;
    }

    public Builder isStatic(boolean isStatic) {
      this.isStatic = isStatic;
      return this;
    }

    public Builder gas(long gas) {
      this.gas = gas;
      return this;
    }

    public Builder output(long offset, long length) {
      this.outputOffset = offset;
      this.outputLength = length;
      return this;
    }

    public MessageFrame build() {
      return new MessageFrame(this);
    }
  }
}
