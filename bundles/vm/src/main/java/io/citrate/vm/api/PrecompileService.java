package io.citrate.vm.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties of a {@link Precompile}, for a component that registers one:
 *
 * <pre>{@code
 * @Component(service = Precompile.class)
 * @PrecompileService(address = "0x0000000000000000000000000000000000001005", implementation = "acme-hash/1")
 * public class AcmeHashPrecompile implements Precompile { ... }
 * }</pre>
 *
 * <p>Registering makes the implementation available, nothing more: it runs only from the height a
 * {@link PrecompileActivation} names for this address and implementation id.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PrecompileService {
  /** Turns the element names into {@link Precompile#ADDRESS} and {@link Precompile#IMPLEMENTATION}. */
  String PREFIX_ = "citrate.precompile.";

  /** The 20-byte address, as 0x-prefixed hex. */
  String address();

  /** The implementation id the activation schedule names; a new version of the code needs a new id. */
  String implementation();
}
