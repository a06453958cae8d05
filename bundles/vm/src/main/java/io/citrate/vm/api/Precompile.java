package io.citrate.vm.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A contract implemented in Java at a fixed address. Integrators register one as an OSGi service with the
 * properties {@link #ADDRESS} and {@link #IMPLEMENTATION}; the VM runs it at that address only from the
 * height an activation schedule names for that implementation id, so every node runs the same code for
 * the same block whatever order bundles started in.
 *
 * <p>Both methods must be deterministic functions of their input: the same bytes give the same gas and the
 * same result on every node. An exception thrown from either is turned into a deterministic halt.
 */
@ConsumerType
public interface Precompile {
  /** Service property: the 20-byte address, as 0x-prefixed hex. */
  String ADDRESS = "citrate.precompile.address";

  /** Service property: the implementation id the activation schedule names, such as "model-registry/1". */
  String IMPLEMENTATION = "citrate.precompile.implementation";

  /** Gas a call with {@code input} costs; charged in full before {@link #execute}. */
  long gasRequirement(byte[] input);

  /** Runs the call. Not invoked when the caller's gas does not cover {@link #gasRequirement}. */
  PrecompileResult execute(byte[] input, PrecompileContext context);
}
