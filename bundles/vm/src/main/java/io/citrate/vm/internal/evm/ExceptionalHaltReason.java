package io.citrate.vm.internal.evm;

/**
 * Why a frame halted exceptionally, consuming all its gas. An interface so that other code can add reasons;
 * the EVM's own are {@link DefaultExceptionalHaltReason}.
 */
public interface ExceptionalHaltReason {
  String name();

  String description();
}
