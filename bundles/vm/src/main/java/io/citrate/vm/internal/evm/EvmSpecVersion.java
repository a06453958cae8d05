package io.citrate.vm.internal.evm;

/**
 * The forks this EVM implements, oldest first; {@link MainnetEvms} assembles each. Forks before Berlin (Frontier to
 * Istanbul: no EIP-2929 access costs, other SSTORE metering, no access list transactions) are out of scope: the node
 * runs Cancun, and the older forks exist to check the fork chain against the conformance tests filled for them.
 */
public enum EvmSpecVersion {
  BERLIN,
  LONDON,
  /** The merge: Paris in the execution specs, "Merge" in some test fixtures. */
  PARIS,
  SHANGHAI,
  CANCUN
}
