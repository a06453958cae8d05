package io.citrate.vm.internal.precompile;

import io.citrate.core.api.Address;
import io.citrate.core.api.Wei;
import io.citrate.vm.api.PrecompileContext;

/** The call context the standard precompiles ignore; any will do. */
final class Contexts {
  static final PrecompileContext ANY = new PrecompileContext(Address.ZERO, Wei.ZERO, 1, false);

  private Contexts() {}
}
