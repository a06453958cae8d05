package io.citrate.vm.api;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import java.util.Objects;

/**
 * A frame about to run, as {@link ExecutionTracer#enterFrame} sees it: the transaction's own, or a call or creation
 * one of its frames makes, precompile calls included. A call or creation that fails before it starts (too deep, too
 * little balance) is a frame too, as in geth's traces: its {@link FrameEnd} follows at once.
 *
 * @param type how it was entered
 * @param depth 0 for the transaction's frame, one more per nested call
 * @param from the account making the call: the transaction's sender, else the calling frame's own address
 * @param to the account whose code runs: the callee, the code borrowed by DELEGATECALL and CALLCODE, or the new
 *     contract's address
 * @param value the value the frame sees (CALLVALUE): sent with it, or inherited under DELEGATECALL
 * @param gas the gas the frame starts with
 * @param input call data, or the initcode of a creation
 */
public record FrameStart(CallType type, int depth, Address from, Address to, Wei value, long gas, byte[] input) {
  public FrameStart {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    input = input.clone();
  }

  @Override
  public byte[] input() {
    return input.clone();
  }
}
