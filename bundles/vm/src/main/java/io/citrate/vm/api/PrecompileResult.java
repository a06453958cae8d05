package io.citrate.vm.api;

import java.util.Objects;

/**
 * What a precompile call ended with: output on success, revert data, or a halt that consumes all gas.
 *
 * @param status how the call ended
 * @param output return data on success, revert data on revert, empty on halt
 * @param haltReason why it halted; empty unless {@code status} is HALT
 */
public record PrecompileResult(Status status, byte[] output, String haltReason) {
  private static final byte[] EMPTY = new byte[0];

  public enum Status {
    SUCCESS,
    REVERT,
    HALT
  }

  public PrecompileResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(haltReason, "haltReason");
  }

  public static PrecompileResult success(byte[] output) {
    return new PrecompileResult(Status.SUCCESS, output, "");
  }

  public static PrecompileResult revert(byte[] data) {
    return new PrecompileResult(Status.REVERT, data, "");
  }

  /** A failure that consumes all gas given to the call, as a precompile given invalid input does. */
  public static PrecompileResult halt(String reason) {
    return new PrecompileResult(Status.HALT, EMPTY, reason);
  }
}
