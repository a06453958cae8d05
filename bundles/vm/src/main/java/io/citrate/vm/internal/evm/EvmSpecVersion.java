package io.citrate.vm.internal.evm;

/** The forks this EVM implements. */
public enum EvmSpecVersion {
  CANCUN
}
