package io.citrate.vm.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A frame that finished, as {@link ExecutionTracer#exitFrame} sees it.
 *
 * @param depth the frame's depth, as its {@link FrameStart} gave it
 * @param output returned data, revert data after REVERT, the deployed code of a successful creation; empty after
 *     an exceptional halt
 * @param gasUsed the gas it started with less the gas it hands back
 * @param error why it failed, worded as geth's tracers word it ("execution reverted", "out of gas", ...); empty on
 *     success
 * @param reverted whether it ended with REVERT, which keeps its unused gas and its output
 */
public record FrameEnd(int depth, byte[] output, long gasUsed, Optional<String> error, boolean reverted) {
  public FrameEnd {
    output = output.clone();
    Objects.requireNonNull(error, "error");
  }

  @Override
  public byte[] output() {
    return output.clone();
  }

  public boolean success() {
    return error.isEmpty();
  }
}
