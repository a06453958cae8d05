package io.citrate.vm.api;

import io.citrate.core.api.Address;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The interpreter's state just before one operation runs, as {@link ExecutionTracer#beforeOperation} sees it. A view,
 * valid only during that call: what a tracer keeps it must copy, and each method below copies only what it returns.
 */
@ProviderType
public interface ExecutionStep {
  /** Position of the operation in the running code. */
  int pc();

  int opcode();

  /** The mnemonic as geth's tracers print it: {@code PUSH1}, {@code SSTORE}, {@code opcode 0xef not defined}. */
  String operationName();

  /** Gas left before the operation. */
  long gasRemaining();

  /** Depth of the running frame: 0 for the transaction's own. */
  int depth();

  /** The account whose storage the running code acts on (ADDRESS). */
  Address contract();

  int stackSize();

  /** The stack item {@code depth} below the top (0 is the top), as 32 big-endian bytes. */
  byte[] stackItem(int depth);

  /** A copy of the frame's active memory. */
  byte[] memory();

  /** The output of the frame's last call or creation (RETURNDATASIZE). */
  byte[] returnData();

  /** The transaction's refund counter so far. */
  long refund();

  /** The current value of the contract's storage slot {@code key}, both 32 big-endian bytes. */
  byte[] storage(byte[] key);
}
